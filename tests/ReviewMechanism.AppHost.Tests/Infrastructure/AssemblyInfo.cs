// Each test class starts the whole stack (or most of it) on a two-core machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

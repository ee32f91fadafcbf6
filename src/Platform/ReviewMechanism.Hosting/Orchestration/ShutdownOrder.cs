using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>
/// Who must stop before whom: a resource stops after everything that uses it. References may form
/// cycles (two services calling each other); the edge that closes a cycle is dropped.
/// </summary>
internal static class ShutdownOrder
{
    /// <summary>For each resource, the resources that use it (they stop first).</summary>
    public static Dictionary<IResource, List<IResource>> Dependents(IReadOnlyList<IResource> resources)
    {
        var dependents = resources.ToDictionary(r => r, _ => new List<IResource>());
        var onPath = new HashSet<IResource>();
        var done = new HashSet<IResource>();
        foreach (var resource in resources)
        {
            Visit(resource);
        }
        return dependents;

        void Visit(IResource resource)
        {
            if (done.Contains(resource))
            {
                return;
            }
            onPath.Add(resource);
            foreach (var dependency in DistributedApplicationModel.Dependencies(resource))
            {
                if (onPath.Contains(dependency) || !dependents.ContainsKey(dependency))
                {
                    continue;
                }
                dependents[dependency].Add(resource);
                Visit(dependency);
            }
            onPath.Remove(resource);
            done.Add(resource);
        }
    }
}

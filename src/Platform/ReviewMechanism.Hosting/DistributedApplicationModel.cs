using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

/// <summary>The resources of an application and the edges between them.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public IResource Find(string name) =>
        Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"There is no resource named '{name}' (resources: {string.Join(", ", Resources.Select(r => r.Name))}).", nameof(name));

    /// <summary>What the resource needs before it starts: what it waits for, and its parent.</summary>
    public static IEnumerable<IResource> StartDependencies(IResource resource)
    {
        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            yield return wait.Target;
        }
    }

    /// <summary>Everything the resource uses: start dependencies and references.</summary>
    public static IEnumerable<IResource> Dependencies(IResource resource) =>
        StartDependencies(resource).Concat(resource.Annotations.OfType<ReferenceAnnotation>().Select(r => r.Target)).Distinct();

    internal void Validate()
    {
        foreach (var resource in Resources)
        {
            foreach (var dependency in Dependencies(resource))
            {
                if (!Resources.Contains(dependency))
                {
                    throw new DistributedApplicationException($"{resource.Name} refers to {dependency.Name}, which is not part of this application.");
                }
            }
        }
        var visiting = new HashSet<IResource>();
        var done = new HashSet<IResource>();
        foreach (var resource in Resources)
        {
            Visit(resource, []);
        }

        void Visit(IResource resource, List<IResource> path)
        {
            if (done.Contains(resource))
            {
                return;
            }
            if (!visiting.Add(resource))
            {
                var cycle = path.SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"WaitFor makes a cycle, so nothing in it could start: {string.Join(" -> ", cycle)}.");
            }
            path.Add(resource);
            foreach (var dependency in StartDependencies(resource))
            {
                Visit(dependency, path);
            }
            path.RemoveAt(path.Count - 1);
            visiting.Remove(resource);
            done.Add(resource);
        }
    }

    /// <summary>
    /// This resource plus everything it depends on, transitively: the subset a test asks for. Project
    /// references are followed too (a service needs the services it calls).
    /// </summary>
    public static IReadOnlyList<IResource> Closure(IReadOnlyList<IResource> all, IEnumerable<string> names)
    {
        var keep = new HashSet<IResource>();
        var stack = new Stack<IResource>(names.Select(n => all.FirstOrDefault(r => r.Name == n)
            ?? throw new ArgumentException($"There is no resource named '{n}' (resources: {string.Join(", ", all.Select(r => r.Name))}).", nameof(names))));
        while (stack.Count > 0)
        {
            var resource = stack.Pop();
            if (!keep.Add(resource))
            {
                continue;
            }
            foreach (var dependency in Dependencies(resource))
            {
                stack.Push(dependency);
            }
        }
        return all.Where(keep.Contains).ToList();
    }
}

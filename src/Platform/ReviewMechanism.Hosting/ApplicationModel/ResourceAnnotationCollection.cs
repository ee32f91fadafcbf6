using System.Collections.ObjectModel;

namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>Marker for what builders attach to resources (references, waits, environment, endpoints...).</summary>
public interface IResourceAnnotation
{
}

/// <summary>The annotations of one resource, in the order they were added.</summary>
public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>
{
    public IEnumerable<T> OfType<T>() where T : IResourceAnnotation => this.Where(a => a is T).Cast<T>();
}

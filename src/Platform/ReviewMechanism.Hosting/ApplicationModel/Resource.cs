namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>Base of every resource: a name (lower-case, as in configuration keys) and its annotations.</summary>
public abstract class Resource : IResource
{
    protected Resource(string name)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(name, "^[a-z][a-z0-9-]*$"))
        {
            throw new ArgumentException($"Resource name '{name}' must start with a letter and hold only lower-case letters, digits and '-'.", nameof(name));
        }
        Name = name;
    }

    public string Name { get; }

    public ResourceAnnotationCollection Annotations { get; } = new();

    public override string ToString() => $"{GetType().Name}({Name})";
}

using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting.Orchestration;

/// <summary>Writes each resource's lines to the console as <c>name | line</c>, the name coloured per resource.</summary>
internal sealed class ConsoleLogWriter
{
    private static readonly string[] Palette = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94", "91"];
    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private readonly bool _colour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    private readonly int _width;

    public ConsoleLogWriter(IEnumerable<string> names)
    {
        var all = names.Append("apphost").ToList();
        _width = all.Max(n => n.Length);
        for (var i = 0; i < all.Count; i++)
        {
            _colours[all[i]] = Palette[i % Palette.Length];
        }
    }

    public void Write(ResourceLogLine line)
    {
        var name = line.Resource.PadRight(_width);
        var text = line.Text;
        lock (this)
        {
            if (_colour)
            {
                var colour = _colours.TryGetValue(line.Resource, out var c) ? c : "37";
                Console.Out.WriteLine(line.IsError && line.Resource == "apphost"
                    ? $"\u001b[{colour}m{name} |\u001b[0m \u001b[31m{text}\u001b[0m"
                    : $"\u001b[{colour}m{name} |\u001b[0m {text}");
            }
            else
            {
                Console.Out.WriteLine($"{name} | {text}");
            }
        }
    }
}

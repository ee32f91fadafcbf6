namespace ReviewMechanism.Hosting.ApplicationModel;

/// <summary>One output line of a resource's process (or of the AppHost about it).</summary>
public sealed record ResourceLogLine(string Resource, DateTimeOffset Timestamp, string Text, bool IsError);

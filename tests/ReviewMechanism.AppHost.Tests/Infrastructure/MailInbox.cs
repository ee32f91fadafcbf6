using System.Text.Json;

namespace ReviewMechanism.AppHost.Tests.Infrastructure;

/// <summary>The mails the stack sent, read back through the local mail server's (smtp4dev's) API.</summary>
public sealed class MailInbox(HttpClient api)
{
    /// <summary>The raw source (headers and body) of every mail whose recipients include <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<string>> ToAsync(string address)
    {
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/messages?pageSize=500"));
        var sources = new List<string>();
        foreach (var message in list.RootElement.GetProperty("results").EnumerateArray())
        {
            var recipients = message.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "");
            if (recipients.Any(r => r.Contains(address, StringComparison.OrdinalIgnoreCase)))
            {
                sources.Add(await api.GetStringAsync($"/api/messages/{message.GetProperty("id").GetString()}/raw"));
            }
        }
        return sources;
    }
}

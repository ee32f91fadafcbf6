using System.Text.Json;
using System.Text.RegularExpressions;

namespace Engagement.Tests.Support;

/// <summary>
/// The mails the Engagement service really sent: read back from the local mail server (smtp4dev, which received them
/// over SMTP from the service's mail queue through <c>AddMailSender</c>) through its API.
/// </summary>
public sealed partial class MailInbox(Uri api) : IDisposable
{
    private readonly HttpClient _api = new() { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The link in the verification mail to <paramref name="to"/>, waiting for it to arrive.</summary>
    public async Task<Uri> VerificationLinkAsync(string to) =>
        new(VerificationLink().Match(await LastBodyToAsync(to, "/engagement/verify?token=")).Value);

    /// <summary>The text of the newest mail to <paramref name="to"/> containing <paramref name="containing"/>, waiting up to a minute.</summary>
    public async Task<string> LastBodyToAsync(string to, string containing = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            foreach (var id in await MessagesToAsync(to))
            {
                var text = await _api.GetStringAsync($"/api/messages/{id}/plaintext");
                if (text.Contains(containing, StringComparison.Ordinal))
                {
                    return text;
                }
            }
            Assert.True(DateTime.UtcNow < deadline, $"No mail to {to} containing '{containing}' reached the mail server.");
            await Task.Delay(250);
        }
    }

    /// <summary>The ids of the mails to <paramref name="to"/>, newest first.</summary>
    private async Task<List<string>> MessagesToAsync(string to)
    {
        using var list = JsonDocument.Parse(await _api.GetStringAsync("/api/messages?pageSize=500"));
        return list.RootElement.GetProperty("results").EnumerateArray()
            .Where(m => m.GetProperty("to").EnumerateArray().Any(r => (r.GetString() ?? "").Contains(to, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(m => m.GetProperty("receivedDate").GetDateTimeOffset())
            .Select(m => m.GetProperty("id").GetString()!)
            .ToList();
    }

    public void Dispose() => _api.Dispose();

    [GeneratedRegex(@"https?://[^\s]+/engagement/verify\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex VerificationLink();
}

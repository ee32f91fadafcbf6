using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Engagement.Tests.Support;

/// <summary>The mails the Engagement service sent (TEMPORARY: read from its mail queue until the mail server lands).</summary>
public sealed partial class MailInbox(EngagementWebApp app)
{
    public async Task<Uri> VerificationLinkAsync(string to)
    {
        var body = await LastBodyToAsync(to, "verify?token=");
        return new Uri(VerificationLink().Match(body).Value);
    }

    public async Task<string> LastBodyToAsync(string to, string containing = "")
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var bodies = await app.DbAsync(db => db.MailQueue.Where(m => m.To == to).OrderByDescending(m => m.Id).Select(m => m.TextBody).ToListAsync());
            if (bodies.FirstOrDefault(b => b.Contains(containing, StringComparison.Ordinal)) is { } body)
            {
                return body;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No mail to {to} containing '{containing}'.");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"https?://[^\s]+/engagement/verify\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex VerificationLink();
}

using System.Net;
using System.Text.RegularExpressions;
using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Engagement.Tests.Web;

/// <summary>
/// Input meant to hurt, sent to the pages over real HTTP: oversize fields, a malformed address, script typed into the
/// text fields, replayed and forged forms. Each is refused or neutralized with a clear message, and what was stored
/// before stays exactly as it was (no half change).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class HostileInputTests(PostgresFixture postgres, RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private const string Script = "<script>alert('x')</script>";
    private EngagementWebApp _app = null!;
    private ConstructiveDialogue _dialogue = null!;

    public async Task InitializeAsync()
    {
        _app = await EngagementWebApp.StartAsync(postgres, redis, DateTimeOffset.Parse("2027-01-10T09:00:00Z"));
        _dialogue = await _app.UseAsync<ConstructiveDialogue, DialogueUseCases>(d =>
            d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15), inPerson: 5, online: 5, automatic: true, venue: Venue.Hybrid), null));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OversizeFieldsAndAMalformedAddressAreEachRefusedNextToTheirFieldAndNothingIsStored()
    {
        using var browser = _app.Browser(forwardedFor: "203.0.113.101");
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var refused = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Html.Form(
            ("Form.OrganizationName", new string('O', 100_000)), ("Form.Category", "Ngo"), ("Form.Country", "CHE"),
            ("Form.Website", "https://example.org/" + new string('w', 400)), ("Form.ContactName", new string('C', 121)),
            ("Form.Email", "ana@example.org<script>"), ("Form.Expertise", new string('e', 4001)), ("Form.Mode", "InPerson"),
            ("Form.Homepage", ""), ("Form.IdempotencyKey", Html.Input(form, "Form.IdempotencyKey")),
            ("__RequestVerificationToken", Html.AntiforgeryToken(form))));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("200", Html.ErrorOf(page, "Form.OrganizationName"));
        Assert.Contains("100000", Html.ErrorOf(page, "Form.OrganizationName"));
        Assert.Contains("300", Html.ErrorOf(page, "Form.Website"));
        Assert.Contains("120", Html.ErrorOf(page, "Form.ContactName"));
        Assert.Contains("4000", Html.ErrorOf(page, "Form.Expertise"));
        Assert.NotNull(Html.ErrorOf(page, "Form.Email"));
        Assert.Equal("ana@example.org<script>", Html.Input(page, "Form.Email"));
        Assert.DoesNotContain("<script>", page);
        Assert.Equal(0, await _app.ApplicationCountAsync());
        Assert.Equal(0, await _app.DbAsync(db => db.MailQueue.CountAsync()));
    }

    [Fact]
    public async Task ScriptTypedIntoEveryTextFieldIsKeptAsTypedAndShownEscapedOnEveryPage()
    {
        using var browser = _app.Browser(forwardedFor: "203.0.113.102");
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var sent = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Html.Form(
            ("Form.OrganizationName", $"Watch {Script}"), ("Form.Category", "Ngo"), ("Form.Country", "CHE"), ("Form.Website", ""),
            ("Form.ContactName", $"Ana \"><img src=x onerror=alert(1)>"), ("Form.Email", "ana@example.org"),
            ("Form.Expertise", $"Research.\n{Script}"), ("Form.Mode", "InPerson"), ("Form.Homepage", ""),
            ("Form.IdempotencyKey", Html.Input(form, "Form.IdempotencyKey")), ("__RequestVerificationToken", Html.AntiforgeryToken(form))));
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, Regex.Match(await sent.Content.ReadAsStringAsync(), "<p class=\"error\".*?</p>", RegexOptions.Singleline).Value);
        var submitted = await browser.GetStringAsync(sent.Headers.Location);
        var manage = await ConfirmAsync(browser, "ana@example.org");

        var stored = await _app.DbAsync(db => db.Applications.SingleAsync());
        Assert.Equal($"Watch {Script}", stored.Organization.Name);
        Assert.Equal($"Research.\n{Script}", stored.Expertise);
        foreach (var html in new[] { submitted, manage })
        {
            Assert.DoesNotContain("<script>", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        Assert.Equal($"Watch {Script}", Html.Text(manage, "organization"));
        Assert.Equal("Ana \"><img src=x onerror=alert(1)>", Html.Input(manage, "Form.ContactName"));
        Assert.Contains("default-src 'none'", Assert.Single(sent.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task ARefusedChangeLeavesTheStoredApplicationExactlyAsItWas()
    {
        using var browser = _app.Browser(forwardedFor: "203.0.113.103");
        var manage = await ApplyAndConfirmAsync(browser);
        var before = await StoredAsync();

        var refused = await browser.PostAsync("/engagement/status/manage?handler=Change", Html.Form(
            ("Form.OrganizationName", "Renamed Initiative"), ("Form.Category", "Ngo"), ("Form.Country", "FRA"),
            ("Form.ContactName", "Ana Renamed"), ("Form.Expertise", new string('e', 4001)), ("Form.Mode", "Online"),
            ("__RequestVerificationToken", Html.AntiforgeryToken(manage))));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("4000", Html.ErrorOf(page, "Form.Expertise"));
        Assert.Equal("Renamed Initiative", Html.Input(page, "Form.OrganizationName"));
        Assert.Equal("Ana Renamed", Html.Input(page, "Form.ContactName"));
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task AForgedTokenOnTheChangeOrWithdrawalFormIsRefusedWithAClearPageAndChangesNothing()
    {
        using var browser = _app.Browser(forwardedFor: "203.0.113.104");
        await ApplyAndConfirmAsync(browser);
        var before = await StoredAsync();

        var change = await browser.PostAsync("/engagement/status/manage?handler=Change", Html.Form(
            ("Form.OrganizationName", "Hijacked"), ("Form.Category", "Ngo"), ("Form.Country", "FRA"), ("Form.ContactName", "Eve"),
            ("Form.Expertise", "Nothing."), ("Form.Mode", "Online"), ("__RequestVerificationToken", "CfDJ8forged")));
        var withdrawal = await browser.PostAsync("/engagement/status/manage?handler=Withdraw", Html.Form(
            ("ConfirmWithdrawal", "true")));

        foreach (var refused in new[] { change, withdrawal })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("nothing was saved", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await StoredAsync());
        Assert.Equal(1, (await _app.UseAsync<ConstructiveDialogue, DialogueUseCases>(d => d.GetAsync(_dialogue.Id))).ApprovedInPerson);
    }

    [Fact]
    public async Task AReplayedConfirmationAndAReplayedFormCountTheApplicationOnce()
    {
        using var browser = _app.Browser(forwardedFor: "203.0.113.105");
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");
        var fields = Filled(form);
        await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", fields);
        var link = await VerificationLinkAsync("ana@example.org");
        var confirmPage = await browser.GetStringAsync(link.PathAndQuery);
        var confirmation = Html.Form(("Token", Html.Input(confirmPage, "Token")), ("__RequestVerificationToken", Html.AntiforgeryToken(confirmPage)));
        var first = await browser.PostAsync("/engagement/verify", confirmation);

        var again = await browser.PostAsync("/engagement/verify", Html.Form(("Token", Html.Input(confirmPage, "Token")), ("__RequestVerificationToken", Html.AntiforgeryToken(confirmPage))));
        var replayedForm = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync());
        Assert.Contains("already sent", await browser.GetStringAsync(replayedForm.Headers.Location));
        var stored = await _app.DbAsync(db => db.Applications.ToListAsync());
        var application = Assert.Single(stored);
        Assert.Equal(ApplicationStatus.ApprovedInPerson, application.Status);
        Assert.Equal(1, (await _app.UseAsync<ConstructiveDialogue, DialogueUseCases>(d => d.GetAsync(_dialogue.Id))).ApprovedInPerson);
    }

    private async Task<string> ApplyAndConfirmAsync(HttpClient browser)
    {
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");
        var sent = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return await ConfirmAsync(browser, "ana@example.org");
    }

    private async Task<string> ConfirmAsync(HttpClient browser, string email)
    {
        var confirmPage = await browser.GetStringAsync((await VerificationLinkAsync(email)).PathAndQuery);
        var confirmed = await browser.PostAsync("/engagement/verify", Html.Form(("Token", Html.Input(confirmPage, "Token")), ("__RequestVerificationToken", Html.AntiforgeryToken(confirmPage))));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return await browser.GetStringAsync(confirmed.Headers.Location);
    }

    /// <summary>Everything the applicant could change, and the row's version.</summary>
    private Task<string> StoredAsync() => _app.DbAsync(async db =>
    {
        var a = await db.Applications.AsNoTracking().SingleAsync();
        return $"{a.Organization.Name}|{a.Organization.Country}|{a.ContactName}|{a.Expertise}|{a.RequestedMode}|{a.Status}|{a.Version}";
    });

    private static FormUrlEncodedContent Filled(string form) => Html.Form(
        ("Form.OrganizationName", "Global Initiative"), ("Form.Category", "Ngo"), ("Form.Country", "CHE"), ("Form.Website", "https://example.org"),
        ("Form.ContactName", "Ana Contact"), ("Form.Email", "ana@example.org"), ("Form.Expertise", "Ten years of research."), ("Form.Mode", "InPerson"),
        ("Form.Homepage", ""), ("Form.IdempotencyKey", Html.Input(form, "Form.IdempotencyKey")), ("__RequestVerificationToken", Html.AntiforgeryToken(form)));

    private async Task<Uri> VerificationLinkAsync(string to)
    {
        var body = await _app.DbAsync(db => db.MailQueue.Where(m => m.To == to).OrderBy(m => m.Id).Select(m => m.TextBody).FirstAsync());
        return new Uri(LinkInMail().Match(body).Value);
    }

    [GeneratedRegex(@"http://engagement\.test/engagement/verify\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex LinkInMail();
}

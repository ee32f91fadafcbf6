using System.Net;
using System.Text.RegularExpressions;
using Engagement.Api.Application;
using Engagement.Api.Domain.Applications;
using Engagement.Api.Domain.Dialogues;
using Engagement.Api.Pages.Web;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Engagement.Tests.Web;

/// <summary>The applicant's pages over real HTTP (Kestrel), as a browser without JavaScript uses them.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ApplicationPagesTests(PostgresFixture postgres, RedisFixture redis) : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2027-01-10T09:00:00Z");
    private EngagementWebApp _app = null!;
    private ConstructiveDialogue _dialogue = null!;

    public async Task InitializeAsync()
    {
        _app = await EngagementWebApp.StartAsync(postgres, redis, Now);
        _dialogue = await _app.UseAsync<ConstructiveDialogue, DialogueUseCases>(d => d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15), inPerson: 5, online: 5, automatic: true, venue: Venue.Hybrid), null));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task AnApplicantAppliesConfirmsChangesAndWithdrawsWithoutJavaScript()
    {
        using var browser = _app.Browser();
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var sent = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var submitted = await browser.GetStringAsync(sent.Headers.Location);
        var reference = Html.Text(submitted, "reference");
        Assert.Contains("ana@example.org", submitted);

        var link = await VerificationLinkAsync("ana@example.org");
        var confirmPage = await browser.GetStringAsync(link.PathAndQuery);
        var confirmed = await browser.PostAsync("/engagement/verify", Html.Form(("Token", Html.Input(confirmPage, "Token")), ("__RequestVerificationToken", Html.AntiforgeryToken(confirmPage))));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var manage = await browser.GetStringAsync(confirmed.Headers.Location);
        Assert.Equal(reference, Html.Text(manage, "reference"));
        Assert.Contains("data-status=\"ApprovedInPerson\"", manage);

        var changed = await browser.PostAsync("/engagement/status/manage?handler=Change", Html.Form(
            ("Form.OrganizationName", "Global Initiative"), ("Form.Category", "Ngo"), ("Form.Country", "CHE"),
            ("Form.ContactName", "Ana Maria Contact"), ("Form.Expertise", "Research."), ("Form.Mode", "Online"),
            ("__RequestVerificationToken", Html.AntiforgeryToken(manage))));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        manage = await browser.GetStringAsync("/engagement/status/manage");
        Assert.Equal("Ana Maria Contact", Html.Input(manage, "Form.ContactName"));
        Assert.Contains("data-status=\"ApprovedOnline\"", manage);

        var withdrawn = await browser.PostAsync("/engagement/status/manage?handler=Withdraw", Html.Form(
            ("ConfirmWithdrawal", "true"), ("__RequestVerificationToken", Html.AntiforgeryToken(manage))));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        manage = await browser.GetStringAsync("/engagement/status/manage");
        Assert.Contains("data-status=\"Withdrawn\"", manage);
    }

    [Fact]
    public async Task ARefusedFieldIsShownNextToItWithEverythingTypedKeptAndScriptEscaped()
    {
        using var browser = _app.Browser();
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var refused = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}",
            Filled(form, organization: "<script>alert('x')</script> Watch", email: "not-an-address", expertise: new string('e', 4001)));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(Html.ErrorOf(page, "Form.Email"));
        Assert.Contains("4000", Html.ErrorOf(page, "Form.Expertise"));
        Assert.Null(Html.ErrorOf(page, "Form.OrganizationName"));
        Assert.Equal("<script>alert('x')</script> Watch", Html.Input(page, "Form.OrganizationName"));
        Assert.DoesNotContain("<script>alert", page);
        Assert.Equal("not-an-address", Html.Input(page, "Form.Email"));
        Assert.Equal("CHE", Regex.Match(page, "<option value=\"([A-Z]{3})\" selected=\"selected\">").Groups[1].Value);
        Assert.Equal(0, await _app.ApplicationCountAsync());
    }

    [Fact]
    public async Task AFormWithAForgedAntiforgeryTokenIsRefusedWithAClearPage()
    {
        using var browser = _app.Browser();
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var forged = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form, antiforgery: "CfDJ8forged-token"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("was not sent from this site", await forged.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.ApplicationCountAsync());
    }

    [Fact]
    public async Task AReplayedFormReturnsTheFirstApplicationInsteadOfASecond()
    {
        using var browser = _app.Browser();
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var first = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form));
        var replay = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form));
        var replayPage = await browser.GetStringAsync(replay.Headers.Location);

        Assert.Equal(first.Headers.Location!.OriginalString.Split('?')[0], replay.Headers.Location!.OriginalString.Split('?')[0]);
        Assert.Contains("already sent", replayPage);
        Assert.Equal(1, await _app.ApplicationCountAsync());
    }

    [Fact]
    public async Task AFilledHoneypotIsRefusedAndNothingIsStored()
    {
        using var browser = _app.Browser();
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");

        var bot = await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form, honeypot: "http://spam.example"));

        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Equal(0, await _app.ApplicationCountAsync());
    }

    [Fact]
    public async Task SubmissionsAreRateLimitedPerClientAddressInRedis()
    {
        using var browser = _app.Browser(forwardedFor: "198.51.100.23");
        var form = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}");
        var limit = WebRateLimiter.Policies["apply"].Limit;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            statuses.Add((await browser.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(form, email: "bad"))).StatusCode);
        }
        using var other = _app.Browser(forwardedFor: "198.51.100.24");
        var otherForm = await other.GetStringAsync($"/engagement/apply/{_dialogue.Id}");
        var fromElsewhere = await other.PostAsync($"/engagement/apply/{_dialogue.Id}", Filled(otherForm, email: "bad"));

        Assert.All(statuses.Take(limit), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.BadRequest, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task ThePagesSpeakFrenchWhenAsked()
    {
        using var browser = _app.Browser();

        var page = await browser.GetStringAsync($"/engagement/apply/{_dialogue.Id}?culture=fr");
        var next = await browser.GetStringAsync("/engagement/status");

        Assert.Contains("<html lang=\"fr\">", page);
        Assert.Contains("Nom de l&#x27;organisation", page);
        Assert.Contains(">Autriche<", page);
        Assert.Contains("Ouvrir la demande", next);
    }

    [Fact]
    public async Task TheStatusPageOpensOnlyWithTheReferenceAndTheVerifiedAddress()
    {
        var application = await _app.UseAsync<DialogueApplication, ApplicationUseCases>(a => a.SubmitAsync(Samples.Verified(_dialogue.Id, 1), Samples.Partner));
        using var browser = _app.Browser(forwardedFor: "192.0.2.50");
        var page = await browser.GetStringAsync("/engagement/status");

        var wrong = await browser.PostAsync("/engagement/status", Html.Form(("Reference", application.Reference), ("Email", "eve@example.org"), ("__RequestVerificationToken", Html.AntiforgeryToken(page))));
        var right = await browser.PostAsync("/engagement/status", Html.Form(("Reference", application.Reference), ("Email", "contact1@example.org"), ("__RequestVerificationToken", Html.AntiforgeryToken(page))));

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("data-status=\"ApprovedInPerson\"", await browser.GetStringAsync(right.Headers.Location));
    }

    private static FormUrlEncodedContent Filled(
        string form, string organization = "Global Initiative", string email = "ana@example.org", string expertise = "Ten years of research.",
        string? antiforgery = null, string honeypot = "") =>
        Html.Form(
            ("Form.OrganizationName", organization), ("Form.Category", "Ngo"), ("Form.Country", "CHE"), ("Form.Website", "https://example.org"),
            ("Form.ContactName", "Ana Contact"), ("Form.Email", email), ("Form.Expertise", expertise), ("Form.Mode", "InPerson"),
            ("Form.Homepage", honeypot), ("Form.IdempotencyKey", Html.Input(form, "Form.IdempotencyKey")),
            ("__RequestVerificationToken", antiforgery ?? Html.AntiforgeryToken(form)));

    private async Task<Uri> VerificationLinkAsync(string to)
    {
        var body = await _app.DbAsync(db => db.MailQueue.Where(m => m.To == to).OrderBy(m => m.Id).Select(m => m.TextBody).FirstAsync());
        return new Uri(LinkInMail().Match(body).Value);
    }

    [GeneratedRegex(@"http://engagement\.test/engagement/verify\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex LinkInMail();
}

using System.Net;
using Identity.Api.Application.Accounts;
using Identity.Api.Domain.Accounts;
using Identity.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Events.V1;

namespace Identity.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AccountLifecycleTests(PostgresFixture postgres)
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task NominationCreatesAPendingAccountWhoseActivationLinkSetsPasswordAndProfileThroughTheForm()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var outcome = await app.NominateAsync("new.fp@example.org", party: "MEX");
        Assert.NotNull(outcome.ActivationLink);
        Assert.StartsWith("https://mechanism.test/Account/Activate?token=", outcome.ActivationLink);
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")));
        Assert.Contains(outcome.ActivationLink, await File.ReadAllTextAsync(mail));

        using var browser = app.Browser();
        var activationPath = new Uri(outcome.ActivationLink!).PathAndQuery;
        var posted = await OidcClient.SubmitFormAsync(browser, activationPath, new()
        {
            ["FullName"] = "Ana Example", ["Affiliation"] = "Fiscalía General", ["Gender"] = "female",
            ["Password"] = Password, ["ConfirmPassword"] = Password,
        });
        var html = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("activation-done", html);
        Assert.Contains("The Secretariat will review it", html);

        var user = await app.WithScopeAsync(sp => sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>().FindByIdAsync(outcome.UserId));
        Assert.Equal(AccountStatus.AwaitingApproval, user!.Status);
        Assert.Equal("Ana Example", user.FullName);
        Assert.Equal("Fiscalía General", user.Affiliation);

        // Single use: the same link no longer works.
        var again = await browser.GetAsync(activationPath);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnapprovedAccountIsRefusedAtLoginWithAClearMessageAndGetsNoCode()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var outcome = await app.NominateAsync("waiting@example.org");
        var token = new Uri(outcome.ActivationLink!).Query.Split("token=")[1];
        await app.WithScopeAsync(sp => sp.GetRequiredService<AccountLifecycle>().ActivateAsync(token, Password,
            new ActivationProfile("Wai Ting", null, null, null, null), CancellationToken.None));

        using var browser = app.Browser();
        var (_, challenge) = OidcClient.NewPkce();
        var first = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge));
        var refused = await OidcClient.SubmitFormAsync(browser, first.Headers.Location!.ToString(), new() { ["Email"] = "waiting@example.org", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("awaiting approval by the Secretariat", await refused.Content.ReadAsStringAsync());
        var stillAnonymous = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge));
        Assert.StartsWith("/Account/Login", stillAnonymous.Headers.Location!.ToString());

        // A wrong password does not reveal the account's state.
        var wrong = await OidcClient.SubmitFormAsync(browser, first.Headers.Location!.ToString(), new() { ["Email"] = "waiting@example.org", ["Password"] = "wrong password entirely" });
        Assert.DoesNotContain("approval", await wrong.Content.ReadAsStringAsync());

        // Once the Secretariat approves, the same person signs in.
        await app.WithScopeAsync(async sp => { await sp.GetRequiredService<AccountLifecycle>().ApproveAsync(outcome.UserId, "secretariat", CancellationToken.None); return 0; });
        var (verifier, challenge2) = OidcClient.NewPkce();
        using var browser2 = app.Browser();
        var callback = await OidcClient.SignInAsync(browser2, OidcClient.AuthorizeUrl(challenge2), "waiting@example.org", Password);
        Assert.Equal(HttpStatusCode.OK, (await OidcClient.RedeemCodeAsync(browser2, callback["code"], verifier)).Status);
    }

    [Fact]
    public async Task ApprovalBeforeTheProfileIsSubmittedIsRefused()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var outcome = await app.NominateAsync("early@example.org");
        var error = await Assert.ThrowsAsync<AccountException>(() => app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<AccountLifecycle>().ApproveAsync(outcome.UserId, "secretariat", CancellationToken.None);
            return 0;
        }));
        Assert.Contains("not activated", error.Message);
    }

    [Fact]
    public async Task AccountIsLockedOutAfterFiveWrongPasswordsEvenForTheRightOne()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateApprovedPersonAsync("target@example.org", Password);
        using var browser = app.Browser();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await OidcClient.SubmitFormAsync(browser, "/Account/Login", new() { ["Email"] = "target@example.org", ["Password"] = $"guess number {i} wrong" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var locked = await OidcClient.SubmitFormAsync(browser, "/Account/Login", new() { ["Email"] = "target@example.org", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SecretariatMustEnrolAnAuthenticatorAndThenGiveATotpCodeAtEachSignIn()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        await app.CreateSecretariatAsync("secretariat@unodc.test", Password);
        await using var api = await ValidatingApp.StartAsync(app.Address, IdentityApp.Issuer);

        // First sign-in: the password alone is not enough; enrolment is required.
        using var browser = app.Browser();
        var (verifier, challenge) = OidcClient.NewPkce();
        var authorize = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge));
        var afterPassword = await OidcClient.SubmitFormAsync(browser, authorize.Headers.Location!.ToString(),
            new() { ["Email"] = "secretariat@unodc.test", ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, afterPassword.StatusCode);
        var enrolUrl = afterPassword.Headers.Location!.ToString();
        Assert.StartsWith("/Account/EnrolAuthenticator", enrolUrl);
        Assert.StartsWith("/Account/Login", (await browser.GetAsync(OidcClient.AuthorizeUrl(challenge))).Headers.Location!.ToString());

        var page = await (await browser.GetAsync(enrolUrl)).Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"shared-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(key));
        var badCode = await OidcClient.SubmitFormAsync(browser, enrolUrl, new() { ["Code"] = "000000" == OidcClient.Totp(key, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        var enrolled = await OidcClient.SubmitFormAsync(browser, enrolUrl, new() { ["Code"] = OidcClient.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        var callback = await OidcClient.FollowToCallbackAsync(browser, enrolled.Headers.Location!.ToString());
        var (_, tokens) = await OidcClient.RedeemCodeAsync(browser, callback["code"], verifier);
        var access = tokens.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(access, "/secretariat-only")).StatusCode);

        // Next sign-in (new browser): password, then the TOTP step.
        using var browser2 = app.Browser();
        var (verifier2, challenge2) = OidcClient.NewPkce();
        var authorize2 = await browser2.GetAsync(OidcClient.AuthorizeUrl(challenge2));
        var password2 = await OidcClient.SubmitFormAsync(browser2, authorize2.Headers.Location!.ToString(),
            new() { ["Email"] = "secretariat@unodc.test", ["Password"] = Password });
        var twoFactorUrl = password2.Headers.Location!.ToString();
        Assert.StartsWith("/Account/LoginWith2fa", twoFactorUrl);
        var wrong = await OidcClient.SubmitFormAsync(browser2, twoFactorUrl, new() { ["Code"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var ok = await OidcClient.SubmitFormAsync(browser2, twoFactorUrl, new() { ["Code"] = OidcClient.Totp(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var callback2 = await OidcClient.FollowToCallbackAsync(browser2, ok.Headers.Location!.ToString());
        var (status, tokens2) = await OidcClient.RedeemCodeAsync(browser2, callback2["code"], verifier2);
        Assert.Equal(HttpStatusCode.OK, status);
        var amr = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(tokens2.GetProperty("access_token").GetString()).Claims.Where(c => c.Type == "amr").Select(c => c.Value);
        Assert.Contains("mfa", amr);
    }

    [Fact]
    public async Task ActivationLinkExpiresAfterTenDays()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        using var browser = app.Browser();

        var early = await app.NominateAsync("early@example.org");
        app.Clock.Advance(TimeSpan.FromDays(10) - TimeSpan.FromMinutes(1));
        var stillValid = await browser.GetAsync(new Uri(early.ActivationLink!).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);

        var late = await app.NominateAsync("late@example.org");
        app.Clock.Advance(TimeSpan.FromDays(10));
        var expiredPage = await browser.GetAsync(new Uri(late.ActivationLink!).PathAndQuery);
        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Contains("expired", await expiredPage.Content.ReadAsStringAsync());
        var result = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountLifecycle>().ActivateAsync(
            new Uri(late.ActivationLink!).Query.Split("token=")[1], Password, new ActivationProfile("Late", null, null, null, null), CancellationToken.None));
        Assert.False(result.Succeeded);

        // The Secretariat issues a new link, valid again for 10 days.
        var relink = await app.WithScopeAsync(sp => sp.GetRequiredService<AccountLifecycle>().ReissueActivationLinkAsync(late.UserId, CancellationToken.None));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(relink).PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task CommonPasswordIsRefusedAndTheLinkStaysUsable()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var outcome = await app.NominateAsync("weak@example.org");
        using var browser = app.Browser();
        var path = new Uri(outcome.ActivationLink!).PathAndQuery;

        var refused = await OidcClient.SubmitFormAsync(browser, path, new()
        {
            ["FullName"] = "Weak Example", ["Password"] = "Password1234", ["ConfirmPassword"] = "Password1234",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("too common", await refused.Content.ReadAsStringAsync());

        var accepted = await OidcClient.SubmitFormAsync(browser, path, new()
        {
            ["FullName"] = "Weak Example", ["Password"] = "my llama eats blue tulips", ["ConfirmPassword"] = "my llama eats blue tulips",
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("activation-done", await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SameNominationTwiceCreatesOneAccountAndASecondNominationAddsItsParty()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var first = await app.NominateAsync("twice@example.org", party: "AUT", nominationId: "nom-1");
        var replay = await app.NominateAsync("twice@example.org", party: "AUT", nominationId: "nom-1");
        Assert.True(replay.AlreadyProcessed);
        Assert.Equal(first.UserId, replay.UserId);

        var second = await app.NominateAsync("twice@example.org", party: "CHE", role: NominationRole.GovernmentalExpert, nominationId: "nom-2");
        Assert.Equal(first.UserId, second.UserId);
        var owner = await app.Services.GetRequiredService<Identity.Api.OpenIdConnect.IResourceOwnerStore>().FindAsync(first.UserId, CancellationToken.None);
        Assert.Equal(["AUT", "CHE"], owner!.Parties);
        Assert.Equal(["FocalPoint", "GovernmentalExpert"], owner.Roles);
        Assert.False(owner.MayReceiveTokens);
    }

    [Fact]
    public async Task NominationWithoutAValidEmailOrPartyIsRefusedWithTheReason()
    {
        await using var app = await IdentityApp.StartAsync(postgres);
        var error = await Assert.ThrowsAsync<ReviewMechanism.ServiceDefaults.Errors.DomainException>(() => app.WithScopeAsync(sp =>
            sp.GetRequiredService<AccountLifecycle>().HandlePersonNominatedAsync(new PersonNominated
            {
                NominationId = "bad-1", Party = "Austria", Role = NominationRole.FocalPoint, FullName = "X", Email = "not-an-email",
            }, CancellationToken.None)));
        Assert.Contains("not an e-mail address", error.Message);
        Assert.Contains("ISO 3166", error.Message);
    }
}

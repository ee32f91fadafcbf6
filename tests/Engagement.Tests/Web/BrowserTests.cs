using Engagement.Api.Application;
using Engagement.Api.Domain.Dialogues;
using Engagement.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Engagement.Tests.Web;

/// <summary>
/// The whole journey in real Chromium, every page through the real gateway (as the AppHost runs it): an NGO applies
/// (a refused field with the rest kept), follows the link from the mail the service sent through the mail server,
/// sees its status and changes its application; the secretariat signs in at identity (authorization code + PKCE,
/// then its second factor) and approves it; the NGO sees the approval and withdraws. Scripts play no part: the
/// pages work without JavaScript.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BrowserTests(PostgresFixture postgres, RedisFixture redis) : IClassFixture<RedisFixture>
{
    private const string SecretariatEmail = "sofia.secretariat@unodc.test";
    private const string SecretariatPassword = "correct horse battery staple 42";
    private const string Organization = "Réseau <b>Ouest</b> contre la traite";

    [Fact]
    public async Task AnNgoAppliesThroughTheGatewayConfirmsFromTheMailTheSecretariatSignsInAndApprovesAndTheNgoWithdraws()
    {
        await using var stack = await BrowserStack.StartAsync(postgres, redis);
        await stack.Identity.CreateSecretariatAsync(SecretariatEmail, "Sofia Secretariat", SecretariatPassword);
        var lastDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        var dialogue = await stack.Engagement.UseAsync<ConstructiveDialogue, DialogueUseCases>(d =>
            d.ScheduleAsync(Samples.Dialogue(lastDay, inPerson: 3, online: 3, automatic: false, venue: Venue.Hybrid), null));
        var site = stack.Gateway.Address;
        using var browser = Chromium.Start();
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(60));
        // A form posted reloads the page: an element read while the old page goes away is stale, read it again.
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));

        // The NGO fills the form; a wrong address is refused next to its field, everything else stays typed.
        browser.Navigate().GoToUrl(new Uri(site, "/engagement/"));
        browser.FindElement(By.CssSelector($"a[href$='/apply/{dialogue.Id}']")).Click();
        wait.Until(d => d.FindElements(By.Id("Form_OrganizationName")).Count == 1);
        browser.FindElement(By.Id("Form_OrganizationName")).SendKeys(Organization);
        browser.FindElement(By.CssSelector("#Form_Country option[value=SEN]")).Click();
        browser.FindElement(By.Id("Form_ContactName")).SendKeys("Awa Diallo");
        browser.FindElement(By.Id("Form_Email")).SendKeys("awa@@example");
        browser.FindElement(By.Id("Form_Expertise")).SendKeys("Assistance to victims since 2012.");
        browser.FindElement(By.Id("Form_Mode_InPerson")).Click();
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();

        wait.Until(d => d.FindElements(By.Id("Form.Email-error")).Count == 1);
        Assert.StartsWith(site.ToString(), browser.Url);
        Assert.Equal(Organization, browser.FindElement(By.Id("Form_OrganizationName")).GetAttribute("value"));
        Assert.Equal("Assistance to victims since 2012.", browser.FindElement(By.Id("Form_Expertise")).GetAttribute("value"));
        Assert.Equal("SEN", browser.FindElement(By.CssSelector("#Form_Country option:checked")).GetAttribute("value"));
        Assert.Equal("true", browser.FindElement(By.Id("Form_Mode_InPerson")).GetAttribute("checked"));
        Assert.Contains("Form.Email-error", browser.FindElement(By.Id("Form_Email")).GetAttribute("aria-describedby"));
        var email = browser.FindElement(By.Id("Form_Email"));
        email.Clear();
        email.SendKeys("awa@example.org");
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();

        // The reference page; the link arrives by mail and opens a page with a button (a mail scanner confirms nothing).
        wait.Until(d => d.FindElements(By.Id("reference")).Count == 1);
        var reference = browser.FindElement(By.Id("reference")).Text;
        Assert.Matches("^CD-", reference);
        var link = await stack.Mail.VerificationLinkAsync("awa@example.org");
        Assert.StartsWith(new Uri(site, "/engagement/verify?token=").ToString(), link.ToString());
        browser.Navigate().GoToUrl(link);
        browser.FindElement(By.Id("confirm")).Click();

        wait.Until(d => d.FindElements(By.Id("status")).Count == 1);
        Assert.Equal(reference, browser.FindElement(By.Id("reference")).Text);
        Assert.Equal("Submitted", browser.FindElement(By.Id("status")).GetAttribute("data-status"));
        Assert.Equal(Organization, browser.FindElement(By.Id("organization")).Text);

        var contact = browser.FindElement(By.Id("Form_ContactName"));
        contact.Clear();
        contact.SendKeys("Awa Diallo Ndiaye");
        browser.FindElement(By.Id("save")).Click();
        wait.Until(d => d.FindElements(By.Id("notice")).Count == 1);
        Assert.Equal("Awa Diallo Ndiaye", browser.FindElement(By.Id("Form_ContactName")).GetAttribute("value"));

        // The secretariat signs in at identity through the gateway (code + PKCE, then the authenticator it enrols).
        browser.Navigate().GoToUrl(new Uri(site, "/engagement/secretariat/"));
        wait.Until(d => d.Url.Contains("/Account/Login", StringComparison.Ordinal));
        Assert.StartsWith(site.ToString(), browser.Url);
        browser.FindElement(By.Name("Email")).SendKeys(SecretariatEmail);
        browser.FindElement(By.Name("Password")).SendKeys(SecretariatPassword);
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        wait.Until(d => d.FindElements(By.Id("shared-key")).Count == 1);
        var key = browser.FindElement(By.Id("shared-key")).Text;
        browser.FindElement(By.Name("Code")).SendKeys(Totp.Code(key, DateTimeOffset.UtcNow));
        browser.FindElement(By.CssSelector("button[type=submit]")).Click();
        wait.Until(d => d.Url.StartsWith(new Uri(site, "/engagement/secretariat").ToString(), StringComparison.Ordinal)
            && d.FindElements(By.CssSelector($"a[href$='/secretariat/dialogue/{dialogue.Id}']")).Count == 1);
        Assert.Contains("Sofia Secretariat", browser.PageSource);

        browser.FindElement(By.CssSelector($"a[href$='/secretariat/dialogue/{dialogue.Id}']")).Click();
        wait.Until(d => d.FindElements(By.Id($"application-{reference}")).Count == 1);
        var row = browser.FindElement(By.Id($"application-{reference}"));
        Assert.Equal("Submitted", row.GetAttribute("data-status"));
        Assert.Contains(Organization, row.Text);
        browser.FindElement(By.CssSelector($"#decision-{reference} option[value=ApproveInPerson]")).Click();
        browser.FindElement(By.Id($"decide-{reference}")).Click();
        wait.Until(d => d.FindElements(By.Id("notice")).Count == 1);
        Assert.Equal("ApprovedInPerson", browser.FindElement(By.Id($"application-{reference}")).GetAttribute("data-status"));
        Assert.Equal("1 / 3", browser.FindElement(By.Id("seats-in-person")).Text);
        Assert.Contains(reference, await stack.Mail.LastBodyToAsync("awa@example.org", "is approved: you have a seat in person"));

        // The NGO sees the decision on its status page and withdraws; the seat is free again.
        browser.Navigate().GoToUrl(new Uri(site, "/engagement/status/manage"));
        wait.Until(d => d.FindElements(By.Id("status")).Count == 1);
        Assert.Equal("ApprovedInPerson", browser.FindElement(By.Id("status")).GetAttribute("data-status"));
        browser.FindElement(By.Id("ConfirmWithdrawal")).Click();
        browser.FindElement(By.Id("withdraw")).Click();
        wait.Until(d => d.FindElement(By.Id("status")).GetAttribute("data-status") == "Withdrawn");
        Assert.Equal(0, (await stack.Engagement.UseAsync<ConstructiveDialogue, DialogueUseCases>(d => d.GetAsync(dialogue.Id))).ApprovedInPerson);
        Assert.Contains(reference, await stack.Mail.LastBodyToAsync("awa@example.org", "is withdrawn"));
    }
}

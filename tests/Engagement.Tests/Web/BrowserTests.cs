using System.Text.RegularExpressions;
using Engagement.Api.Application;
using Engagement.Api.Domain.Dialogues;
using Engagement.Tests.Support;
using Microsoft.EntityFrameworkCore;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Engagement.Tests.Web;

/// <summary>
/// The applicant's whole journey in real Chromium (scripts play no part: the pages work without JavaScript):
/// a refused field with the rest kept, the check-your-mailbox page, the link from the mail, the status page,
/// a change, a withdrawal.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class BrowserTests(PostgresFixture postgres, RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task AnNgoAppliesConfirmsTheLinkChangesAndWithdrawsInChromium()
    {
        await using var app = await EngagementWebApp.StartAsync(postgres, redis, DateTimeOffset.Parse("2027-01-10T09:00:00Z"));
        var dialogue = await app.UseAsync<ConstructiveDialogue, DialogueUseCases>(d =>
            d.ScheduleAsync(Samples.Dialogue(new DateOnly(2027, 1, 15), inPerson: 3, online: 3, automatic: true, venue: Venue.Hybrid), null));
        using var browser = Chromium.Start();
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));

        browser.Navigate().GoToUrl(new Uri(app.Address, "/engagement/"));
        browser.FindElement(By.CssSelector($"a[href$='/apply/{dialogue.Id}']")).Click();
        wait.Until(d => d.FindElements(By.Id("Form_OrganizationName")).Count == 1);
        browser.FindElement(By.Id("Form_OrganizationName")).SendKeys("Réseau <b>Ouest</b> contre la traite");
        browser.FindElement(By.CssSelector("#Form_Country option[value=SEN]")).Click();
        browser.FindElement(By.Id("Form_ContactName")).SendKeys("Awa Diallo");
        browser.FindElement(By.Id("Form_Email")).SendKeys("awa@@example");
        browser.FindElement(By.Id("Form_Expertise")).SendKeys("Assistance to victims since 2012.");
        browser.FindElement(By.Id("Form_Mode_InPerson")).Click();
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();

        wait.Until(d => d.FindElements(By.Id("Form.Email-error")).Count == 1);
        Assert.Equal("Réseau <b>Ouest</b> contre la traite", browser.FindElement(By.Id("Form_OrganizationName")).GetAttribute("value"));
        Assert.Equal("Assistance to victims since 2012.", browser.FindElement(By.Id("Form_Expertise")).GetAttribute("value"));
        Assert.Equal("SEN", browser.FindElement(By.CssSelector("#Form_Country option:checked")).GetAttribute("value"));
        Assert.Contains("Form.Email-error", browser.FindElement(By.Id("Form_Email")).GetAttribute("aria-describedby"));
        var email = browser.FindElement(By.Id("Form_Email"));
        email.Clear();
        email.SendKeys("awa@example.org");
        browser.FindElement(By.CssSelector("form button[type=submit]")).Click();

        wait.Until(d => d.FindElements(By.Id("reference")).Count == 1);
        var reference = browser.FindElement(By.Id("reference")).Text;
        Assert.Matches("^CD-", reference);
        var link = await VerificationLinkAsync(app, "awa@example.org");
        browser.Navigate().GoToUrl(new Uri(app.Address, link.PathAndQuery));
        browser.FindElement(By.Id("confirm")).Click();

        wait.Until(d => d.FindElements(By.Id("status")).Count == 1);
        Assert.Equal(reference, browser.FindElement(By.Id("reference")).Text);
        Assert.Equal("ApprovedInPerson", browser.FindElement(By.Id("status")).GetAttribute("data-status"));
        Assert.Equal("Réseau <b>Ouest</b> contre la traite", browser.FindElement(By.Id("organization")).Text);

        var contact = browser.FindElement(By.Id("Form_ContactName"));
        contact.Clear();
        contact.SendKeys("Awa Diallo Ndiaye");
        browser.FindElement(By.Id("Form_Mode_Online")).Click();
        browser.FindElement(By.Id("save")).Click();
        wait.Until(d => d.FindElements(By.Id("notice")).Count == 1);
        Assert.Equal("ApprovedOnline", browser.FindElement(By.Id("status")).GetAttribute("data-status"));
        Assert.Equal("Awa Diallo Ndiaye", browser.FindElement(By.Id("Form_ContactName")).GetAttribute("value"));

        browser.FindElement(By.Id("ConfirmWithdrawal")).Click();
        browser.FindElement(By.Id("withdraw")).Click();
        wait.Until(d => d.FindElement(By.Id("status")).GetAttribute("data-status") == "Withdrawn");
        Assert.Equal(0, (await app.UseAsync<ConstructiveDialogue, DialogueUseCases>(d => d.GetAsync(dialogue.Id))).ApprovedOnline);
    }

    private static async Task<Uri> VerificationLinkAsync(EngagementWebApp app, string to)
    {
        var body = await app.DbAsync(db => db.MailQueue.Where(m => m.To == to).OrderBy(m => m.Id).Select(m => m.TextBody).FirstAsync());
        return new Uri(LinkInMail().Match(body).Value);
    }

    [GeneratedRegex(@"http://engagement\.test/engagement/verify\?token=[A-Za-z0-9_%\-]+")]
    private static partial Regex LinkInMail();
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.LocalServers;
using ReviewMechanism.ServiceDefaults.Mail;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

namespace ReviewMechanism.ServiceDefaults.Tests;

public sealed class MailTests
{
    [Fact]
    public async Task AMailSentThroughAddMailSenderArrivesInTheLocalMailServerWithSenderCopyAndHeaders()
    {
        using var folder = new TempFolder("smtp4dev");
        await using var server = await MailServer.StartAsync(new ServerOptions(folder.Path));
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:mail"] = server.ConnectionString,
                ["Mail:From"] = "secretariat@unodc.test",
                ["Mail:FromName"] = "UNODC secretariat",
            },
            b => b.AddMailSender());

        await app.Services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(
            "focal.point@justice.example", "Maria Example", "Reminder: nominate your governmental experts",
            "The deadline is in three days.", Cc: ["mission@austria.example"],
            Headers: new Dictionary<string, string> { ["Content-Language"] = "en" }));

        using var api = new HttpClient { BaseAddress = server.HttpUrl };
        using var list = JsonDocument.Parse(await api.GetStringAsync("/api/messages"));
        var message = Assert.Single(list.RootElement.GetProperty("results").EnumerateArray());
        var source = await api.GetStringAsync($"/api/messages/{message.GetProperty("id").GetString()}/raw");
        Assert.Contains("Subject: Reminder: nominate your governmental experts", source);
        Assert.Contains("From: UNODC secretariat <secretariat@unodc.test>", source);
        Assert.Contains("Maria Example <focal.point@justice.example>", source);
        Assert.Contains("Cc: mission@austria.example", source);
        Assert.Contains("Content-Language: en", source);
        Assert.Contains("The deadline is in three days.", source);
    }

    [Fact]
    public async Task WithoutAMailServerEachMailIsWrittenToThePickupFolder()
    {
        using var folder = new TempFolder("pickup");
        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?> { ["Mail:PickupDirectory"] = folder.Path },
            b => b.AddMailSender());

        await app.Services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail("expert@example.org", null, "Activate your account", "Open the link."));

        var file = Assert.Single(Directory.GetFiles(folder.Path, "*.eml"));
        Assert.Contains("To: expert@example.org", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task WithNeitherAServerNorAPickupFolderTheSenderSaysWhatToSet()
    {
        await using var app = await TestApp.StartAsync(configure: b => b.AddMailSender());

        var refused = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IMailSender>());
        Assert.Contains("ConnectionStrings__mail", refused.Message);
    }

    [Fact]
    public void AMailConnectionStringThatIsNotSmtpIsRefusedWithTheExpectedForm()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SmtpMailSender.ParseConnectionString("127.0.0.1:25", "mail"));
        Assert.Contains("smtp://host:port", refused.Message);
    }
}

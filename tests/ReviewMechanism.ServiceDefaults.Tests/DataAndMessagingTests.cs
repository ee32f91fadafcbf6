using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.Events.V1;
using ReviewMechanism.LocalServers;
using ReviewMechanism.Messaging.Outbox;
using ReviewMechanism.ServiceDefaults.Tests.Data;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;

namespace ReviewMechanism.ServiceDefaults.Tests;

public sealed class DataAndMessagingTests
{
    [Fact]
    public async Task MigrationsAreAppliedAtStartOnceTheDatabaseBecomesReachable()
    {
        using var folder = new TempFolder("pg-late");
        var port = PortAllocator.GetFreePort();
        // The server's generated password, known before it runs (it keeps it in its data folder).
        var password = SecretStore.GetOrCreate(Path.Combine(folder.Path, "password"));
        var connectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=reviewsdb;Timeout=3";

        var starting = TestApp.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:reviewsdb"] = connectionString },
            b => b.AddNpgsqlDbContext<ReviewNotesDb>("reviewsdb"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(starting.IsCompleted, "The service must not start serving before its database is migrated.");

        await using var postgres = await PostgresServer.StartAsync(new ServerOptions(folder.Path) { Port = port });
        await postgres.EnsureDatabaseAsync("reviewsdb");
        await using var app = await starting.WaitAsync(TimeSpan.FromSeconds(60));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReviewNotesDb>();
            Assert.Equal(["20260102000000_CreateReviewNotes"], await db.Database.GetAppliedMigrationsAsync());
            db.Notes.Add(new ReviewNote { Id = Guid.NewGuid(), CountryReviewId = "cr-1", Text = "stored" });
            await db.SaveChangesAsync();
            Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync());
        }
        var health = await app.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("reviewsdb: Healthy", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServiceWiredWithTheDefaultsPublishesThroughItsOutboxAndConsumesThroughItsInbox()
    {
        using var pgFolder = new TempFolder("pg");
        using var mqFolder = new TempFolder("rmq");
        var postgresStart = PostgresServer.StartAsync(new ServerOptions(pgFolder.Path));
        var rabbitStart = RabbitMqServer.StartAsync(new ServerOptions(mqFolder.Path));
        await using var postgres = await postgresStart;
        await using var rabbit = await rabbitStart;
        await postgres.EnsureDatabaseAsync("documentsdb");

        await using var app = await TestApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:documentsdb"] = postgres.GetConnectionString("documentsdb"),
                ["ConnectionStrings:messaging"] = rabbit.ConnectionString,
                ["Messaging:ServiceName"] = "documents",
                ["Messaging:Outbox:PollInterval"] = "00:00:01",
            },
            b =>
            {
                b.AddNpgsqlDbContext<ReviewNotesDb>("documentsdb");
                b.AddMessaging<ReviewNotesDb>(x => x.AddConsumer<QuestionnaireSubmittedNoteConsumer>());
            });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReviewNotesDb>();
            var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
            db.Notes.Add(new ReviewNote { Id = Guid.NewGuid(), CountryReviewId = "cr-7", Text = "questionnaire uploaded" });
            outbox.Add(new QuestionnaireTransmitted { CountryReviewId = "cr-7", Party = "PER", TransmittedBy = "focal-point-per" });
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ReviewNotesDb>();
            if (await db.Notes.AnyAsync(n => n.Text == "Questionnaire submitted by PER"))
            {
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "The consumer did not write its note within 60 s.");
            await Task.Delay(200);
        }
        var health = await app.Http.GetAsync("/health");
        var report = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("masstransit-bus: Healthy", report, StringComparison.Ordinal);
        Assert.Contains("documentsdb: Healthy", report, StringComparison.Ordinal);
        Assert.Equal(["documents.questionnaire-submitted-note"], app.Services.GetRequiredService<ReviewMechanism.Messaging.ErrorQueues.IErrorQueues>().ReceiveQueues);
    }
}

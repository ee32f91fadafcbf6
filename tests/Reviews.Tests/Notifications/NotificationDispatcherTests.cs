using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reviews.Api.Domain.Notifications;
using Reviews.Api.Application.Notifications;
using ReviewMechanism.ServiceDefaults.Mail;
using Reviews.Tests.Support;
using ReviewMechanism.Reviews.V1;

namespace Reviews.Tests.Notifications;

[Collection(PostgresCollection.Name)]
public class NotificationDispatcherTests(PostgresFixture postgres)
{
    [Fact]
    public async Task TwoInstancesIssueEachNoticeOnceAndItsEmailGoesToThePickupFolder()
    {
        var h = await ServiceHarness.StartAsync(postgres, Clocks.At(2020, 11, 15));
        await using (var db = h.Db())
        {
            foreach (var party in await db.Parties.ToListAsync())
            {
                party.SetPermanentMission($"mission@{party.Iso3.ToLowerInvariant()}.example", null);
            }
            await db.SaveChangesAsync();
        }
        await h.Service().SplitIntoGroups(new SplitIntoGroupsRequest
        {
            AsOf = new Date { Year = 2020, Month = 11, Day = 1 }, FirstGroupStart = new Date { Year = 2020, Month = 12, Day = 1 }, Seed = 1,
        }, TestCallContext.Secretariat());
        for (var group = 1; group <= 3; group++)
        {
            await h.Service().DrawPairings(new DrawPairingsRequest { GroupNumber = group, Seed = 9 }, TestCallContext.Secretariat());
        }
        var folder = Path.Combine(Path.GetTempPath(), $"reviews-mail-{Guid.NewGuid():N}");
        try
        {
            h.Clock.SetUtcNow(new DateTimeOffset(2020, 12, 2, 6, 0, 0, TimeSpan.Zero));
            var first = Dispatcher(h, folder);
            var second = Dispatcher(h, folder);
            var issued = await Task.WhenAll(first.IssueDueAsync(default), second.IssueDueAsync(default));
            var total = issued.Sum(i => i.Count);
            await using (var db = h.Db())
            {
                Assert.Equal(total, await db.Notifications.CountAsync());
                Assert.True(total > 100, $"{total} notices");
                Assert.Equal(total, (await db.Notifications.Select(n => n.Key).ToListAsync()).Distinct().Count());
            }
            Assert.Empty(await Dispatcher(h, folder).IssueDueAsync(default));

            var sent = await Task.WhenAll(first.SendPendingEmailsAsync(default), second.SendPendingEmailsAsync(default));
            Assert.Equal(total, sent.Sum());
            var files = Directory.GetFiles(folder, "*.eml");
            Assert.Equal(total, files.Length);
            Assert.All(files, f => Assert.Contains(NotificationDispatcher.NoticeIdHeader + ":", File.ReadAllText(f), StringComparison.Ordinal));
            var germany = files.Select(File.ReadAllText).Single(f => f.Contains("mission@deu.example", StringComparison.Ordinal) && f.Contains("Germany", StringComparison.Ordinal));
            Assert.Contains("Subject: Reminder:", germany);

            h.Clock.Advance(TimeSpan.FromDays(14));
            var missed = await Dispatcher(h, folder).IssueDueAsync(default);
            // 16 December: the focal points were due on the 15th; the experts are due on the 29th (14-day reminder).
            var byDeadline = missed.ToLookup(n => n.Deadline);
            Assert.NotEmpty(byDeadline[Reviews.Api.Domain.CountryReviews.DeadlineKind.FocalPointNomination]);
            Assert.All(byDeadline[Reviews.Api.Domain.CountryReviews.DeadlineKind.FocalPointNomination], n => Assert.Equal(Reviews.Api.Domain.Notifications.NoticeKind.MissedDeadline, n.Kind));
            Assert.All(byDeadline[Reviews.Api.Domain.CountryReviews.DeadlineKind.ExpertNomination], n => Assert.Equal((Reviews.Api.Domain.Notifications.NoticeKind.Reminder, 14), (n.Kind, n.OffsetDays)));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static NotificationDispatcher Dispatcher(ServiceHarness h, string folder) => new(
        h.Db(), h.Clock, Options.Create(new NotificationOptions()),
        new PickupDirectoryMailSender(Options.Create(new MailOptions { PickupDirectory = folder }), TimeProvider.System), h.Signal, NullLogger<NotificationDispatcher>.Instance);
}

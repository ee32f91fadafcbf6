using Microsoft.AspNetCore.Builder;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Reviews.V1;
using Reviews.Api.Grpc;
using Reviews.Tests.Support;

namespace Reviews.Tests.Grpc;

/// <summary>The service mapped on a real Kestrel (cleartext HTTP/2) and called with the generated client.</summary>
[Collection(PostgresCollection.Name)]
public class ReviewsOverHttp2Tests(PostgresFixture postgres)
{
    [Fact]
    public async Task TheGeneratedClientReachesEveryRuleThroughTheServer()
    {
        var connectionString = await postgres.NewSeededDatabaseAsync(TimeProvider.System);
        var mail = Path.Combine(Path.GetTempPath(), $"reviews-mail-{Guid.NewGuid():N}");
        await using var app = ReviewsHost.Build(connectionString, new Dictionary<string, string?>
        {
            ["Mail:PickupDirectory"] = mail,
            ["Reviews:NotificationFeed:PollInterval"] = "00:00:00.200",
        });
        app.MapGrpcService<ReviewsGrpcService>();
        await app.StartAsync();
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var channel = GrpcChannel.ForAddress(address);
            var client = new ReviewsService.ReviewsServiceClient(channel);
            var secretariat = Headers("sec-1", "Secretariat", "");

            var pairings = await client.GetCountryPairingsAsync(new GetCountryPairingsRequest());
            Assert.Empty(pairings.Groups);

            var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await client.SplitIntoGroupsAsync(Split()));
            Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
            var focalPoint = await Assert.ThrowsAsync<RpcException>(async () => await client.SplitIntoGroupsAsync(Split(), Headers("fp-1", "FocalPoint", "DEU")));
            Assert.Equal(StatusCode.PermissionDenied, focalPoint.StatusCode);
            var recordedByFocalPoint = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordGroupSplitAsync(
                new RecordGroupSplitRequest { Groups = { new GroupMembers { Parties = { "DEU" } } }, Reference = "r" }, Headers("fp-1", "FocalPoint", "DEU")));
            Assert.Equal(StatusCode.PermissionDenied, recordedByFocalPoint.StatusCode);
            var malformed = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordGroupSplitAsync(
                new RecordGroupSplitRequest { Groups = { new GroupMembers { Parties = { "DEU" } } } }, secretariat));
            Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
            Assert.Contains("reference", malformed.BadRequest().FieldViolations.Select(v => v.Field));

            var split = await client.SplitIntoGroupsAsync(Split(), secretariat);
            Assert.Equal(3, split.Groups.Count);
            var drawn = await client.DrawPairingsAsync(new DrawPairingsRequest { GroupNumber = 1, Seed = 3, AsOf = new Date { Year = 2020, Month = 11, Day = 1 } }, secretariat);
            var id = drawn.CountryReviewIds[0];

            var languages = await Assert.ThrowsAsync<RpcException>(async () => await client.SetWorkingLanguagesAsync(new SetWorkingLanguagesRequest
            {
                CountryReviewId = id, Languages = { Language.Arabic, Language.Chinese, Language.English, Language.French }, Exceptional = true,
            }, secretariat));
            Assert.Equal(StatusCode.InvalidArgument, languages.StatusCode);
            Assert.Contains("three in exceptional cases", languages.Status.Detail);
            Assert.Equal("languages", Assert.Single(languages.BadRequest().FieldViolations).Field);

            var skipped = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordPreliminaryConsultationAsync(new RecordPreliminaryConsultationRequest
            {
                CountryReviewId = id, HeldOn = new Date { Year = 2020, Month = 12, Day = 2 }, Participants = { drawn.Pairings[0].PartyUnderReview },
                Languages = { Language.English }, AgreedTimeFrames = "t",
            }, secretariat));
            Assert.Equal(StatusCode.FailedPrecondition, skipped.StatusCode);
            Assert.Equal("STAGE_ORDER", skipped.Precondition().Type);

            var unknown = await Assert.ThrowsAsync<RpcException>(async () => await client.GetPartyAsync(new GetPartyRequest { Iso3 = "QQQ" }, secretariat));
            Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("PARTY_NOT_FOUND", unknown.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);

            // 100 kB of text where a party code goes: refused with a message that quotes it cut short.
            var oversize = await Assert.ThrowsAsync<RpcException>(async () => await client.GetPartyAsync(new GetPartyRequest { Iso3 = new string('x', 100_000) }, secretariat));
            Assert.Equal(StatusCode.InvalidArgument, oversize.StatusCode);
            Assert.InRange(oversize.Status.Detail.Length, 1, ReviewMechanism.ServiceDefaults.Errors.ErrorText.LongestMessage);
            Assert.InRange(oversize.GetRpcStatus()!.CalculateSize(), 1, 2_000);

            // With the unread notices included, the notice arrives whether it is stored before or after the stream begins.
            using var watch = client.WatchNotifications(new WatchNotificationsRequest { IncludeUnread = true }, Headers("person-7", "FocalPoint", "DEU"));
            await using (var db = ReviewsDatabase.Context(connectionString))
            {
                db.Notifications.Add(Reviews.Api.Domain.Notifications.SentNotification.From(
                    new Reviews.Api.Domain.Notifications.DueNotice(
                        "wire-1", Reviews.Api.Domain.Notifications.NoticeKind.Reminder, 3, id, Reviews.Api.Domain.CountryReviews.DeadlineKind.FocalPointNomination,
                        new DateOnly(2020, 12, 15), "DEU",
                        new Reviews.Api.Domain.Notifications.NoticeRecipient(Reviews.Api.Domain.Notifications.RecipientRole.FocalPoint, "DEU", "person-7", "FP", "fp@example.org"),
                        [], Reviews.Api.Domain.Common.UnLanguage.English, DateTimeOffset.UtcNow,
                        new Reviews.Api.Domain.Notifications.RenderedNotice(Reviews.Api.Domain.Common.UnLanguage.English, "subject", "body")),
                    Guid.NewGuid(), DateTimeOffset.UtcNow.AddSeconds(1)));
                await db.SaveChangesAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal("wire-1", watch.ResponseStream.Current.Key);
        }
        finally
        {
            await app.StopAsync();
            if (Directory.Exists(mail))
            {
                Directory.Delete(mail, recursive: true);
            }
        }
    }

    private static SplitIntoGroupsRequest Split() => new()
    {
        AsOf = new Date { Year = 2020, Month = 11, Day = 1 }, FirstGroupStart = new Date { Year = 2020, Month = 12, Day = 1 }, Seed = 11,
    };

    private static Metadata Headers(string subject, string roles, string parties) =>
        new() { { "x-test-sub", subject }, { "x-test-roles", roles }, { "x-test-parties", parties } };
}

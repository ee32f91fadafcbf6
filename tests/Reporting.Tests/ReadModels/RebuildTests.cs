using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Reporting.Api.Application.Caching;
using Reporting.Api.Application.Rebuild;
using Reporting.Api.Data;
using Reporting.Api.Data.Projections;
using Reporting.Api.Domain.Reviews;
using Reporting.Tests.Support;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Nominations.V1;
using ReviewMechanism.Reviews.V1;
using ReviewsV1 = ReviewMechanism.Reviews.V1;

namespace Reporting.Tests.ReadModels;

[Collection(ServersCollection.Name)]
public sealed class RebuildTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2023, 10, 6, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The sources answer what the Reviews and Nominations APIs answer for the October 2023 data set; the read models
    /// start wrong (a stray review, a missing stage) and end with the slides' figures.
    /// </summary>
    [Fact]
    public async Task ARebuildFromTheServicesAnswersEndsWithTheSameFigures()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        var data = new October2023();
        await host.ApplyAsync(data);
        await host.ApplyAsync((sp, ct) => sp.GetRequiredService<ReviewProjection>().OpenedAsync(
            new OpenedReview("CR-1-XXX", "XXX", 1, 1, 1, new DateOnly(2020, 12, 1), October2023.Opened, [("XXX", PlaceRole.PartyUnderReview)]), ct));

        var response = await host.InScopeAsync(sp => new ReadModelRebuild(
            sp.GetRequiredService<ReportingDbContext>(), new AnswersOf(data), sp.GetRequiredService<IReportCache>(), TimeProvider.System, NullLogger<ReadModelRebuild>.Instance)
            .RunAsync("secretariat-1", CancellationToken.None));
        var report = await ProgressReportFiguresTests.ReportAsync(host, October2023.ReportDate, full: true);

        Assert.Equal((189, 1299), (response.Reviews, response.Nominations));
        October2023Figures.Assert(report);
    }

    /// <summary>What the Reviews and Nominations APIs would answer for the data set.</summary>
    private sealed class AnswersOf(October2023 data) : IReadModelSources
    {
        public Task<IReadOnlyList<CountryReview>> ListCountryReviewsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<CountryReview>>([.. data.Reviews.Select(Review)]);

        public Task<IReadOnlyList<string>> ListPartiesAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>([.. Enumerable.Range(0, 189).Select(October2023.Party)]);

        public Task<IReadOnlyList<Nomination>> ListNominationsAsync(string party, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Nomination>>([.. data.Nominations.Where(n => n.Party == party).Select(n => new Nomination
            {
                NominationId = n.NominationId,
                Party = n.Party,
                Role = n.Role == "FOCAL_POINT" ? NominationRole.FocalPoint : NominationRole.GovernmentalExpert,
                Scope = new NominationScope { Kind = (NominationScopeKind)n.ScopeKind },
                PersonId = n.PersonId,
                Gender = n.Gender switch { "female" => Gender.Female, "male" => Gender.Male, _ => Gender.NotInformed },
                Status = NominationStatus.Active,
                EffectiveFrom = Timestamp.FromDateTimeOffset(n.EffectiveFrom),
            })]);

        private CountryReview Review(OpenedReview opened)
        {
            var review = new CountryReview
            {
                Id = opened.Id,
                PartyUnderReview = opened.PartyUnderReview,
                GroupNumber = opened.Group,
                Phase = opened.Phase,
                Cluster = opened.Cluster,
                StartDate = new ReviewsV1.Date { Year = opened.StartDate.Year, Month = opened.StartDate.Month, Day = opened.StartDate.Day },
                StageEnteredAt = Timestamp.FromDateTimeOffset(opened.OpenedAt),
            };
            review.Participants.AddRange(opened.Places.Select(p => new ReviewParticipant
            {
                Iso3 = p.Party,
                Role = p.Role switch
                {
                    PlaceRole.PartyUnderReview => ReviewRole.PartyUnderReview,
                    PlaceRole.SameRegionReviewer => ReviewRole.SameRegionReviewer,
                    _ => ReviewRole.OtherRegionReviewer,
                },
                JoinedAt = Timestamp.FromDateTimeOffset(opened.OpenedAt),
            }));
            foreach (var change in data.StageChanges.Where(c => c.ReviewId == opened.Id))
            {
                review.History.Add(new StageTransition { From = (ReviewStage)change.FromStage, To = (ReviewStage)change.ToStage, At = Timestamp.FromDateTimeOffset(change.ChangedAt) });
                review.Stage = (ReviewStage)change.ToStage;
                review.StageEnteredAt = Timestamp.FromDateTimeOffset(change.ChangedAt);
            }
            if (data.Languages.SingleOrDefault(l => l.ReviewId == opened.Id) is { } languages)
            {
                review.Languages.AddRange(languages.Languages.Select(Reporting.Api.Application.Reports.ProtoFigures.Language));
                review.LanguagesExceptional = languages.Exceptional;
                review.PreliminaryConsultation = new PreliminaryConsultation { RecordedAt = Timestamp.FromDateTimeOffset(languages.AgreedAt) };
            }
            return review;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Reporting.Api.Application.Compilation;
using Reporting.Api.Domain.Compilation;
using Reporting.Tests.Support;
using ReviewMechanism.Reporting.V1;
using ReviewMechanism.ServiceDefaults.Errors;

namespace Reporting.Tests.Compilation;

[Collection(ServersCollection.Name)]
public sealed class CompilationTests(ServersFixture servers)
{
    private static readonly DateTimeOffset Now = new(2024, 5, 20, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheCompilationStartsWithTheEntriesOfApril2024()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);

        var compilation = await host.InScopeAsync(sp => sp.GetRequiredService<Recommendations>().GetCompilationAsync(CancellationToken.None));
        var list = await host.InScopeAsync(sp => sp.GetRequiredService<Recommendations>().ListAsync(new ListRecommendationsRequest(), CancellationToken.None));

        Assert.Equal((1, 37), (compilation.Revision, compilation.Entries));
        Assert.Equal(16, list.Recommendations.Count(r => r.Kind == RecommendationKind.WorkingGroup));
        Assert.Equal(21, list.Recommendations.Count(r => r.Kind == RecommendationKind.ChairObservation));
        Assert.Contains("### 2022: Working Group on Trafficking in Persons (CTOC/COP/WG.4/2022/4)", compilation.Markdown);
        Assert.Contains("#### Recommendation (l)", compilation.Markdown);
        Assert.True(compilation.Markdown.IndexOf("Part", StringComparison.Ordinal) >= 0);
        Assert.True(compilation.Markdown.IndexOf("Recommendation 14", StringComparison.Ordinal) < compilation.Markdown.IndexOf("Observation 1", StringComparison.Ordinal));
        Assert.Contains("<h3", compilation.Html);
    }

    [Fact]
    public async Task AddingARecommendationRegeneratesTheCompilation()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        var recommendations = (IServiceProvider sp) => sp.GetRequiredService<Recommendations>();

        var (added, revision) = await host.InScopeAsync(sp => recommendations(sp).AddAsync(new RecommendationEntry(
            EntryKind.WorkingGroup, "Working Group on Firearms", 2024, "CTOC/COP/WG.6/2024/5", "21",
            "States parties are encouraged to make use of *machine translation* <b>with care</b>.", ["Multilingualism", "revmod"]), "secretariat-1", CancellationToken.None));
        var observation = await host.InScopeAsync(sp => recommendations(sp).AddAsync(new RecommendationEntry(
            EntryKind.ChairObservation, "Constructive Dialogue on Firearms", 2024, "", "", "States should involve the private sector.", []), "secretariat-1", CancellationToken.None));
        var compilation = await host.InScopeAsync(sp => recommendations(sp).GetCompilationAsync(CancellationToken.None));

        Assert.Equal(2, revision);
        Assert.Equal(["multilingualism", "revmod"], added.Topics);
        Assert.Equal(("1", "Summary by the Chair", 3), (observation.Recommendation.Number, observation.Recommendation.DocumentSymbol, observation.Revision));
        Assert.Equal((3, 39), (compilation.Revision, compilation.Entries));
        Assert.Contains("### 2024: Working Group on Firearms (CTOC/COP/WG.6/2024/5)", compilation.Markdown);
        Assert.Contains(@"make use of \*machine translation\* \<b\>with care\</b\>.", compilation.Markdown);
        Assert.Contains("&lt;b&gt;with care&lt;/b&gt;", compilation.Html);
        Assert.DoesNotContain("<b>with care", compilation.Html);
    }

    [Fact]
    public async Task ARecommendationAlreadyInTheCompilationIsRefusedAndNothingChanges()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);

        var error = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(sp => sp.GetRequiredService<Recommendations>().AddAsync(new RecommendationEntry(
            EntryKind.WorkingGroup, "Working Group on Trafficking in Persons", 2022, "CTOC/COP/WG.4/2022/4", "14", "Again.", []), "secretariat-1", CancellationToken.None)));
        var compilation = await host.InScopeAsync(sp => sp.GetRequiredService<Recommendations>().GetCompilationAsync(CancellationToken.None));

        Assert.Equal(DomainErrorKind.AlreadyExists, error.Kind);
        Assert.Equal((1, 37), (compilation.Revision, compilation.Entries));
    }

    [Fact]
    public async Task AnEntryWithoutTextOrSymbolIsRefusedNamingTheFields()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);

        var error = await Assert.ThrowsAsync<DomainException>(() => host.InScopeAsync(sp => sp.GetRequiredService<Recommendations>().AddAsync(new RecommendationEntry(
            EntryKind.WorkingGroup, "Working Group on Firearms", 2024, " ", "3", "  ", ["Not A Topic!"]), "secretariat-1", CancellationToken.None)));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(["document_symbol", "text", "topics"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public async Task SearchFindsEntriesByStemmedWordsWithinTopics()
    {
        await using var host = await ReportingHost.StartAsync(servers, Now);
        var recommendations = (IServiceProvider sp) => sp.GetRequiredService<Recommendations>();

        var nominate = await host.InScopeAsync(sp => recommendations(sp).SearchAsync(new SearchRecommendationsRequest { Text = "nominate focal point" }, CancellationToken.None));
        var funding = await host.InScopeAsync(sp => recommendations(sp).SearchAsync(new SearchRecommendationsRequest { Topics = { "funding" } }, CancellationToken.None));
        var both = await host.InScopeAsync(sp => recommendations(sp).SearchAsync(new SearchRecommendationsRequest { Text = "financial support", Topics = { "nominations" } }, CancellationToken.None));

        Assert.Contains(nominate.Hits, h => h.Recommendation.Number == "14" && h.Recommendation.DocumentSymbol == "CTOC/COP/WG.4/2022/4");
        Assert.All(nominate.Hits, h => Assert.Contains("**", h.Snippet));
        Assert.Equal(6, funding.Hits.Count);
        Assert.Equal(["15"], both.Hits.Select(h => h.Recommendation.Number));
    }
}

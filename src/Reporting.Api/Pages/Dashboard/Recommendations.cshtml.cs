using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Reporting.Api.Application.Compilation;
using ReviewMechanism.Reporting.V1;

namespace Reporting.Api.Pages.Dashboard;

/// <summary>
/// The compilation of recommendations (public): the latest revision, or the entries matching words and a topic.
/// The compilation's HTML is generated from Markdown with raw HTML disabled, so entered text cannot inject markup.
/// </summary>
[AllowAnonymous]
public sealed class RecommendationsModel(Recommendations recommendations) : PageModel
{
    public Compilation Compilation { get; private set; } = new();

    public IReadOnlyList<TopicCount> Topics { get; private set; } = [];

    public IReadOnlyList<RecommendationHit>? Hits { get; private set; }

    public string Query { get; private set; } = "";

    public string Topic { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery] string? q, [FromQuery] string? topic, CancellationToken cancellationToken)
    {
        Query = q?.Trim() ?? "";
        Topic = topic?.Trim() ?? "";
        Compilation = await recommendations.GetCompilationAsync(cancellationToken);
        Topics = (await recommendations.ListAsync(new ListRecommendationsRequest(), cancellationToken)).Topics;
        if (Query.Length > 0 || Topic.Length > 0)
        {
            var request = new SearchRecommendationsRequest { Text = Query, Limit = 200 };
            if (Topic.Length > 0)
            {
                request.Topics.Add(Topic);
            }
            Hits = (await recommendations.SearchAsync(request, cancellationToken)).Hits;
        }
        return Page();
    }
}

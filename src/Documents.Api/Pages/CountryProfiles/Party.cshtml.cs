using Documents.Api.Application.CountryProfiles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Profiles = Documents.Api.Application.CountryProfiles.CountryProfiles;

namespace Documents.Api.Pages.CountryProfiles;

/// <summary>One party's published documents.</summary>
[AllowAnonymous]
public sealed class PartyModel(Profiles profiles) : PageModel
{
    public CountryProfile Profile { get; private set; } = new("", []);

    public async Task OnGetAsync(string party, CancellationToken ct) => Profile = await profiles.GetAsync(party, ct);
}

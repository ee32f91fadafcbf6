using Identity.Api.Domain.Accounts;

namespace Identity.Api.Application.Accounts;

/// <summary>An account as the Secretariat sees it: the person, the status, roles and the parties in force.</summary>
public sealed record AccountView(ApplicationUser User, IReadOnlyList<string> Roles, IReadOnlyList<string> Parties);

namespace Nominations.Api.Domain;

/// <summary>Who is nominated. Values are already validated and trimmed (see <c>InputRules</c>).</summary>
public sealed record PersonDetails(string FullName, string Title, Gender Gender, string Email, string Phone, string Affiliation)
{
    public bool IsSamePersonAs(PersonDetails other) => string.Equals(Email, other.Email, StringComparison.OrdinalIgnoreCase);
}

namespace Reviews.Api.Domain.CountryReviews;

/// <summary>The focal point a party nominated for this review (from the Nominations service's events).</summary>
public sealed class FocalPointContact
{
    private FocalPointContact()
    {
        PersonId = NominationId = FullName = Email = "";
    }

    public FocalPointContact(string personId, string nominationId, string fullName, string email, DateTimeOffset since)
    {
        PersonId = personId;
        NominationId = nominationId;
        FullName = fullName;
        Email = email;
        Since = since;
    }

    public string PersonId { get; private set; }

    public string NominationId { get; private set; }

    public string FullName { get; private set; }

    public string Email { get; private set; }

    public DateTimeOffset Since { get; private set; }
}

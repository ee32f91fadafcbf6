namespace Reviews.Api.Domain.Notifications;

/// <summary>Someone a notice goes to: a party's focal point (a person) or its Permanent Mission.</summary>
public sealed record NoticeRecipient(RecipientRole Role, string Party, string? PersonId, string Name, string Email)
{
    /// <summary>Stable identity within a key: the person for a focal point, the party for its mission.</summary>
    public string Key => Role == RecipientRole.FocalPoint ? $"fp:{PersonId}" : $"pm:{Party}";
}

namespace Identity.Api.Domain.Accounts;

/// <summary>A single-use activation link sent to a nominated person. Only the token's hash is stored.</summary>
public class ActivationTicket
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public ActivationTicketState StateAt(DateTimeOffset now) =>
        UsedAt is not null ? ActivationTicketState.Used
        : now >= ExpiresAt ? ActivationTicketState.Expired
        : ActivationTicketState.Valid;
}

public enum ActivationTicketState { Valid, Expired, Used, Unknown }

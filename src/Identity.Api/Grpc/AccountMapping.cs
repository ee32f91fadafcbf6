using Google.Protobuf.WellKnownTypes;
using Identity.Api.Application.Accounts;
using ReviewMechanism.Identity.V1;
using DomainStatus = Identity.Api.Domain.Accounts.AccountStatus;
using ProtoStatus = ReviewMechanism.Identity.V1.AccountStatus;

namespace Identity.Api.Grpc;

internal static class AccountMapping
{
    public static Account ToProto(AccountView view)
    {
        var u = view.User;
        var account = new Account
        {
            UserId = u.Id,
            PersonId = u.PersonId ?? "",
            Email = u.Email ?? "",
            FullName = u.FullName,
            Title = u.Title ?? "",
            Affiliation = u.Affiliation ?? "",
            Status = ToProto(u.Status),
            CreatedAt = Timestamp.FromDateTimeOffset(u.CreatedAt),
            ApprovedBy = u.ApprovedBy ?? "",
        };
        if (u.ProfileSubmittedAt is { } submitted) account.ProfileSubmittedAt = Timestamp.FromDateTimeOffset(submitted);
        if (u.ApprovedAt is { } approved) account.ApprovedAt = Timestamp.FromDateTimeOffset(approved);
        account.Roles.AddRange(view.Roles);
        account.Parties.AddRange(view.Parties);
        return account;
    }

    public static ProtoStatus ToProto(DomainStatus status) => status switch
    {
        DomainStatus.PendingActivation => ProtoStatus.PendingActivation,
        DomainStatus.AwaitingApproval => ProtoStatus.AwaitingApproval,
        DomainStatus.Active => ProtoStatus.Active,
        DomainStatus.Disabled => ProtoStatus.Disabled,
        _ => ProtoStatus.Unspecified,
    };

    public static DomainStatus ToDomain(ProtoStatus status) => status switch
    {
        ProtoStatus.PendingActivation => DomainStatus.PendingActivation,
        ProtoStatus.AwaitingApproval => DomainStatus.AwaitingApproval,
        ProtoStatus.Active => DomainStatus.Active,
        ProtoStatus.Disabled => DomainStatus.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "No such account status."),
    };
}

using Grpc.Core;
using Identity.Api.Application.Accounts;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;
using ReviewMechanism.Identity.V1;
using ReviewMechanism.ServiceDefaults.Authorization;
using ReviewMechanism.ServiceDefaults.Errors;
using AccountStatus = ReviewMechanism.Identity.V1.AccountStatus;

namespace Identity.Api.Grpc;

/// <summary>
/// reviewmechanism.identity.v1.AccountsService: the Secretariat approves and manages accounts. Refusals are
/// <see cref="DomainException"/>s, sent as statuses by the shared error interceptor.
/// </summary>
[Authorize(AuthenticationSchemes = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, Roles = MechanismRoles.Secretariat)]
public sealed class AccountsGrpcService(AccountAdministration accounts) : AccountsService.AccountsServiceBase
{
    public override async Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context)
    {
        if (!Enum.IsDefined(request.Status))
            throw DomainException.Invalid("status", $"Unknown account status {(int)request.Status}; use one of the AccountStatus values.");
        if (request.PageSize < 0)
            throw DomainException.Invalid("page_size", "page_size cannot be negative; give 0 (default) to 500.");
        var status = request.Status == AccountStatus.Unspecified ? (Domain.Accounts.AccountStatus?)null : AccountMapping.ToDomain(request.Status);
        var list = await accounts.ListAsync(status, request.Party, request.PageSize, context.CancellationToken);
        var response = new ListAccountsResponse();
        response.Accounts.AddRange(list.Select(AccountMapping.ToProto));
        return response;
    }

    public override async Task<Account> GetAccount(GetAccountRequest request, ServerCallContext context) =>
        AccountMapping.ToProto(await accounts.GetAsync(UserId(request.UserId), context.CancellationToken));

    public override async Task<Account> ApproveAccount(ApproveAccountRequest request, ServerCallContext context) =>
        AccountMapping.ToProto(await accounts.ApproveAsync(UserId(request.UserId), context.GetCaller().Name, context.CancellationToken));

    public override async Task<Account> DisableAccount(DisableAccountRequest request, ServerCallContext context) =>
        AccountMapping.ToProto(await accounts.DisableAsync(UserId(request.UserId), context.GetCaller().Name, request.Reason, context.CancellationToken));

    private static string UserId(string userId) => string.IsNullOrWhiteSpace(userId)
        ? throw DomainException.Invalid("user_id", "user_id is required: give the id of the account (the sub of its tokens).")
        : userId.Trim();
}

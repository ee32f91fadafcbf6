using Identity.Api.Accounts;
using Identity.Api.Domain.Accounts;
using Identity.Api.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using OpenIddict.Validation.AspNetCore;
using ReviewMechanism.Grpc;
using ReviewMechanism.Identity.V1;
using AccountStatus = ReviewMechanism.Identity.V1.AccountStatus;

namespace Identity.Api.Grpc;

/// <summary>reviewmechanism.identity.v1.AccountsService: the Secretariat approves and manages accounts.</summary>
[Authorize(AuthenticationSchemes = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme, Roles = MechanismRoles.Secretariat)]
public sealed class AccountsGrpcService(AccountAdministration accounts) : AccountsService.AccountsServiceBase
{
    public override async Task<ListAccountsResponse> ListAccounts(ListAccountsRequest request, ServerCallContext context)
    {
        if (!Enum.IsDefined(request.Status))
            throw RpcErrors.InvalidArgument($"Unknown account status {(int)request.Status}.", ("status", "Use one of the AccountStatus values."));
        if (request.PageSize < 0)
            throw RpcErrors.InvalidArgument("page_size cannot be negative.", ("page_size", "Give 0 (default) to 500."));
        var status = request.Status == AccountStatus.Unspecified ? (Domain.Accounts.AccountStatus?)null : AccountMapping.ToDomain(request.Status);
        var list = await accounts.ListAsync(status, request.Party, request.PageSize, context.CancellationToken);
        var response = new ListAccountsResponse();
        response.Accounts.AddRange(list.Select(AccountMapping.ToProto));
        return response;
    }

    public override Task<Account> GetAccount(GetAccountRequest request, ServerCallContext context) =>
        Run(request.UserId, async id => await accounts.GetAsync(id, context.CancellationToken));

    public override Task<Account> ApproveAccount(ApproveAccountRequest request, ServerCallContext context) =>
        Run(request.UserId, async id => await accounts.ApproveAsync(id, Caller(context), context.CancellationToken));

    public override Task<Account> DisableAccount(DisableAccountRequest request, ServerCallContext context) =>
        Run(request.UserId, async id => await accounts.DisableAsync(id, Caller(context), request.Reason, context.CancellationToken));

    private static async Task<Account> Run(string userId, Func<string, Task<AccountView>> action)
    {
        if (string.IsNullOrWhiteSpace(userId))
            throw RpcErrors.InvalidArgument("user_id is required.", ("user_id", "Give the id of the account (the sub of its tokens)."));
        try
        {
            return AccountMapping.ToProto(await action(userId.Trim()));
        }
        catch (AccountNotFoundException e)
        {
            throw new RpcException(new Status(StatusCode.NotFound, e.Message));
        }
        catch (AccountRuleException e)
        {
            throw RpcErrors.FailedPrecondition(e.Message, e.Rule, $"accounts/{userId.Trim()}");
        }
        catch (AccountException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }

    private static string Caller(ServerCallContext context) =>
        context.User.FindFirst(OidcClaims.Subject)?.Value ?? context.User.FindFirst(OidcClaims.ClientId)?.Value ?? "unknown";
}

using System.Net;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Identity.Tests.Infrastructure;
using ReviewMechanism.Events.V1;
using ReviewMechanism.Identity.V1;
using ReviewMechanism.LocalServers;

namespace Identity.Tests;

/// <summary>The Secretariat's accounts API over real gRPC (h2c Kestrel endpoint) with real tokens of this server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class AccountsServiceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private const string SecretariatClientId = IdentityApp.SecretariatClientId;
    private readonly string _secretariatSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    private IdentityApp _app = null!;
    private GrpcChannel _channel = null!;
    private AccountsService.AccountsServiceClient _accounts = null!;

    public async Task InitializeAsync()
    {
        var httpPort = PortAllocator.GetFreePort();
        var grpcPort = PortAllocator.GetFreePort();
        _app = await IdentityApp.StartAsync(postgres, IdentityApp.WithSecretariatClient(_secretariatSecret), kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, httpPort);
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2);
        });
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        _accounts = new AccountsService.AccountsServiceClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task TheSecretariatApprovesAnActivatedAccountAndThePersonCanThenSignIn()
    {
        var userId = await NominateAndActivateAsync("fp.austria@example.org", "AUT");
        var headers = await SecretariatAsync();

        var waiting = await _accounts.ListAccountsAsync(new ListAccountsRequest { Status = AccountStatus.AwaitingApproval }, headers);
        var listed = Assert.Single(waiting.Accounts);
        Assert.Equal(userId, listed.UserId);
        Assert.Equal(["AUT"], listed.Parties);
        Assert.Equal(["FocalPoint"], listed.Roles);

        // Before approval no code is issued: the login page says the account awaits approval.
        using (var browser = _app.Browser())
        {
            var (_, challenge) = OidcClient.NewPkce();
            var first = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge));
            var login = await OidcClient.SubmitFormAsync(browser, first.Headers.Location!.ToString(),
                new() { ["Email"] = "fp.austria@example.org", ["Password"] = Password });
            Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
        }

        var approved = await _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = userId }, headers);
        Assert.Equal(AccountStatus.Active, approved.Status);
        Assert.Equal(SecretariatClientId, approved.ApprovedBy);
        Assert.NotNull(approved.ApprovedAt);

        var tokens = await OidcClient.GetUserTokensAsync(_app, "fp.austria@example.org", Password);
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("access_token").GetString()));
        Assert.Empty((await _accounts.ListAccountsAsync(new ListAccountsRequest { Status = AccountStatus.AwaitingApproval }, headers)).Accounts);
    }

    [Fact]
    public async Task ApprovingTwiceOrBeforeActivationIsAFailedPreconditionNamingTheRule()
    {
        var headers = await SecretariatAsync();
        var pending = await _app.NominateAsync("pending@example.org", "FRA");
        var early = await Assert.ThrowsAsync<RpcException>(() => _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = pending.UserId }, headers).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("has not used the activation link", early.Status.Detail);
        Assert.Equal("ACCOUNT_NOT_ACTIVATED", early.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);
        Assert.Equal(AccountStatus.PendingActivation, (await _accounts.GetAccountAsync(new GetAccountRequest { UserId = pending.UserId }, headers)).Status);

        var userId = await NominateAndActivateAsync("twice@example.org", "AUT");
        await _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = userId }, headers);
        var again = await Assert.ThrowsAsync<RpcException>(() => _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = userId }, headers).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("already approved", again.Status.Detail);
        Assert.Equal("ACCOUNT_ALREADY_APPROVED", again.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    public async Task AnUnknownAccountIsNotFoundAndAMissingIdIsAnInvalidArgument()
    {
        var headers = await SecretariatAsync();
        var unknown = await Assert.ThrowsAsync<RpcException>(() => _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = "no-such-user" }, headers).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no-such-user", unknown.Status.Detail);
        Assert.Equal("ACCOUNT_NOT_FOUND", unknown.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);

        var missing = await Assert.ThrowsAsync<RpcException>(() => _accounts.GetAccountAsync(new GetAccountRequest(), headers).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Equal("user_id", missing.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field);
    }

    [Fact]
    public async Task OnlyTheSecretariatMayCallAndACallerWithoutATokenIsUnauthenticated()
    {
        var userId = await NominateAndActivateAsync("fp.other@example.org", "AUT");
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = userId }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        // An approved focal point's own token (role FocalPoint) cannot approve anyone.
        await _app.CreateApprovedPersonAsync("fp.approved@example.org", Password, "AUT");
        var tokens = await OidcClient.GetUserTokensAsync(_app, "fp.approved@example.org", Password);
        var focalPoint = Bearer(tokens.GetProperty("access_token").GetString()!);
        var denied = await Assert.ThrowsAsync<RpcException>(() => _accounts.ApproveAccountAsync(new ApproveAccountRequest { UserId = userId }, focalPoint).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var tampered = await Assert.ThrowsAsync<RpcException>(() => _accounts.ListAccountsAsync(new ListAccountsRequest(), Bearer(tokens.GetProperty("access_token").GetString()! + "x")).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, tampered.StatusCode);

        var headers = await SecretariatAsync();
        Assert.Equal(AccountStatus.AwaitingApproval, (await _accounts.GetAccountAsync(new GetAccountRequest { UserId = userId }, headers)).Status);
    }

    [Fact]
    public async Task ADisabledAccountGetsNoMoreTokens()
    {
        var userId = await _app.CreateApprovedPersonAsync("fp.disabled@example.org", Password, "AUT");
        var headers = await SecretariatAsync();

        var disabled = await _accounts.DisableAccountAsync(new DisableAccountRequest { UserId = userId, Reason = "left the ministry" }, headers);
        Assert.Equal(AccountStatus.Disabled, disabled.Status);
        Assert.Equal(AccountStatus.Disabled, (await _accounts.DisableAccountAsync(new DisableAccountRequest { UserId = userId }, headers)).Status);

        using var browser = _app.Browser();
        var (_, challenge) = OidcClient.NewPkce();
        var first = await browser.GetAsync(OidcClient.AuthorizeUrl(challenge));
        var login = await OidcClient.SubmitFormAsync(browser, first.Headers.Location!.ToString(),
            new() { ["Email"] = "fp.disabled@example.org", ["Password"] = Password });
        Assert.NotEqual(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Fact]
    public async Task ARevokedSecretariatTokenIsRefusedAtOnce()
    {
        using var http = _app.Http();
        var (_, body) = await OidcClient.PostFormAsync(http, "/connect/token",
            new() { ["grant_type"] = "client_credentials", ["scope"] = "identity" }, (SecretariatClientId, _secretariatSecret));
        var token = body.GetProperty("access_token").GetString()!;
        await _accounts.ListAccountsAsync(new ListAccountsRequest(), Bearer(token));

        var (revoked, _) = await OidcClient.PostFormAsync(http, "/connect/revocation", new() { ["token"] = token }, (SecretariatClientId, _secretariatSecret));
        Assert.Equal(HttpStatusCode.OK, revoked);

        // The API checks the token's entry in identitydb, not only its signature and lifetime.
        var refused = await Assert.ThrowsAsync<RpcException>(() => _accounts.ListAccountsAsync(new ListAccountsRequest(), Bearer(token)).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private async Task<string> NominateAndActivateAsync(string email, string party)
    {
        var outcome = await _app.NominateAsync(email, party, NominationRole.FocalPoint);
        using var browser = _app.Browser();
        var activation = new Uri(outcome.ActivationLink!).PathAndQuery;
        var posted = await OidcClient.SubmitFormAsync(browser, activation, new()
        {
            ["FullName"] = "Maria Example", ["Password"] = Password, ["ConfirmPassword"] = Password,
        });
        Assert.True(posted.IsSuccessStatusCode || posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        return outcome.UserId;
    }

    private async Task<Metadata> SecretariatAsync()
    {
        using var http = _app.Http();
        var (status, body) = await OidcClient.PostFormAsync(http, "/connect/token",
            new() { ["grant_type"] = "client_credentials", ["scope"] = "identity" }, (SecretariatClientId, _secretariatSecret));
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return Bearer(body.GetProperty("access_token").GetString()!);
    }

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
}

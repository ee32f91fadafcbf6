using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ReviewMechanism.ServiceDefaults.Errors;
using ReviewMechanism.ServiceDefaults.Grpc;
using ReviewMechanism.ServiceDefaults.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>The one error interceptor: what a client receives for each kind of failure a handler throws.</summary>
public sealed class GrpcErrorTests : IAsyncLifetime
{
    private readonly ProbeBehaviour _behaviour = new();
    private readonly ListLoggerProvider _logs = new();
    private GrpcTestHost _host = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _host = await GrpcTestHost.StartAsync(
            configure: b =>
            {
                b.Services.AddSingleton(_behaviour);
                b.Logging.AddProvider(_logs);
            },
            map: a =>
            {
                a.MapGrpcService<ProbeServiceImpl>();
                a.MapGrpcService<DeclaredGuardedService>();
            });
        _channel = GrpcChannel.ForAddress(_host.Address);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task AnInvalidArgumentCarriesABadRequestAndAnErrorInfo()
    {
        var error = await EchoFailsWith(DomainException.Invalid([new FieldViolation("iso3", "must be three letters"), new FieldViolation("name", "is required")]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("Invalid request: iso3: must be three letters; name: is required", error.Status.Detail);
        var status = error.GetRpcStatus()!;
        Assert.Equal([("iso3", "must be three letters"), ("name", "is required")], status.GetDetail<BadRequest>()!.FieldViolations.Select(v => (v.Field, v.Description)));
        Assert.Equal("INVALID_ARGUMENT", status.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task AFailedPreconditionCarriesThePreconditionFailureAndTheReason()
    {
        var error = await EchoFailsWith(DomainException.Precondition("REDRAW_LIMIT", "country-review/DEU-C1", "A pairing may be redrawn at most 4 times."));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var status = error.GetRpcStatus()!;
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("REDRAW_LIMIT", "country-review/DEU-C1"), (violation.Type, violation.Subject));
        var info = status.GetDetail<ErrorInfo>()!;
        Assert.Equal(("REDRAW_LIMIT", GrpcErrors.ErrorDomain, "country-review/DEU-C1"), (info.Reason, info.Domain, info.Metadata["subject"]));
    }

    [Theory]
    [InlineData("not-found", StatusCode.NotFound, "PARTY_NOT_FOUND")]
    [InlineData("already-exists", StatusCode.AlreadyExists, "PARTY_ALREADY_RECORDED")]
    [InlineData("denied", StatusCode.PermissionDenied, "NOT_YOUR_PARTY")]
    [InlineData("conflict", StatusCode.Aborted, "CONCURRENT_CHANGE")]
    public async Task EveryKindOfDomainErrorHasItsStatusAndItsReason(string kind, StatusCode code, string reason)
    {
        var error = await EchoFailsWith(kind switch
        {
            "not-found" => DomainException.NotFound("PARTY_NOT_FOUND", "party/ATL", "No party ATL is recorded."),
            "already-exists" => DomainException.AlreadyExists("PARTY_ALREADY_RECORDED", "party/FRA", "Party FRA is already recorded."),
            "denied" => DomainException.Denied("NOT_YOUR_PARTY", "party/FRA", "You do not act for FRA."),
            _ => DomainException.Conflict("party/FRA", "Another change won; try again."),
        });

        Assert.Equal(code, error.StatusCode);
        Assert.Equal(reason, error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task StorageConflictsAreAbortedAndUniqueViolationsAlreadyExists()
    {
        var concurrency = await EchoFailsWith(new DbUpdateConcurrencyException("row version changed"));
        var unique = await EchoFailsWith(new DbUpdateException("insert failed",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation, constraintName: "ix_parties_iso3")));

        Assert.Equal(StatusCode.Aborted, concurrency.StatusCode);
        Assert.Contains("Read it again and retry", concurrency.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.AlreadyExists, unique.StatusCode);
        Assert.Contains("ix_parties_iso3", unique.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyOtherExceptionIsInternalWithoutItsDetailsAndIsLoggedWithTheException()
    {
        var error = await EchoFailsWith(new InvalidOperationException("connection string Password=hunter2 rejected"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.DoesNotContain("hunter2", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", error.Status.Detail, StringComparison.Ordinal);
        var logged = Assert.Single(_logs.Lines, l => l.Exception is InvalidOperationException);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("/reviewmechanism.testing.v1.ProbeService/Echo", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizeFieldQuotedInAnErrorComesBackCutShort()
    {
        var iso3 = new string('X', 100_000);
        _behaviour.Failure = r => DomainException.Invalid("iso3", $"'{r.Text}' is not an ISO 3166-1 alpha-3 code.");

        var error = await Assert.ThrowsAsync<RpcException>(() => new ProbeService.ProbeServiceClient(_channel).EchoAsync(new EchoRequest { Text = iso3 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.InRange(error.Status.Detail.Length, 20, 120);
        Assert.StartsWith("'XXXXXXXX", error.Status.Detail, StringComparison.Ordinal);
        Assert.EndsWith("is not an ISO 3166-1 alpha-3 code.", error.Status.Detail, StringComparison.Ordinal);
        Assert.InRange(error.GetRpcStatus()!.CalculateSize(), 1, 1_000);
    }

    [Fact]
    public async Task TheSameDomainErrorGivesTheSameStatusAndDetailsFromTwoDifferentServices()
    {
        _behaviour.Failure = _ => DomainException.Precondition("STAGE_ORDER", "country-review/DEU-C1", "The questionnaire is not transmitted yet.");

        var fromProbe = await Assert.ThrowsAsync<RpcException>(() => new ProbeService.ProbeServiceClient(_channel).EchoAsync(new EchoRequest()).ResponseAsync);
        var fromGuarded = await Assert.ThrowsAsync<RpcException>(() => new GuardedService.GuardedServiceClient(_channel).OpenAsync(new EchoRequest()).ResponseAsync);

        Assert.Equal(fromProbe.StatusCode, fromGuarded.StatusCode);
        Assert.Equal(fromProbe.Status.Detail, fromGuarded.Status.Detail);
        Assert.Equal(fromProbe.GetRpcStatus(), fromGuarded.GetRpcStatus());
        Assert.Equal(StatusCode.FailedPrecondition, fromProbe.StatusCode);
    }

    private async Task<RpcException> EchoFailsWith(Exception thrown)
    {
        _behaviour.Failure = _ => thrown;
        return await Assert.ThrowsAsync<RpcException>(() => new ProbeService.ProbeServiceClient(_channel).EchoAsync(new EchoRequest()).ResponseAsync);
    }
}

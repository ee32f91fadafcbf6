using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// A bearer token was sent but could not be checked because the identity service's discovery document or
/// signing keys cannot be fetched: JwtBearer then reports IDX20803 (no configuration yet) or a missing
/// signature key. Only on the latter the configuration is asked for again (it is cached), so a token signed
/// by a key the identity service does not publish stays a refusal. Used by the services' gRPC authorization
/// and by the gateway's edge, so both answer UNAVAILABLE (retry) rather than UNAUTHENTICATED (your fault).
/// </summary>
public sealed class SigningKeysAvailability(IOptionsMonitor<JwtBearerOptions> options, string scheme = JwtBearerDefaults.AuthenticationScheme)
    : IAuthenticationAvailability
{
    public async ValueTask<bool> IsUnavailableAsync(HttpContext httpContext)
    {
        // The handler keeps its result for the request: this does not validate the token again.
        var failure = (await httpContext.AuthenticateAsync(scheme).ConfigureAwait(false)).Failure;
        if (failure is InvalidOperationException && failure.Message.Contains("IDX20803", StringComparison.Ordinal))
        {
            return true;
        }
        if (failure is not SecurityTokenSignatureKeyNotFoundException)
        {
            return false;
        }
        var configurationManager = options.Get(scheme).ConfigurationManager;
        if (configurationManager is null)
        {
            return false;
        }
        try
        {
            var configuration = await configurationManager.GetConfigurationAsync(httpContext.RequestAborted).ConfigureAwait(false);
            return configuration.SigningKeys.Count == 0;
        }
        catch (Exception) when (!httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }
    }
}

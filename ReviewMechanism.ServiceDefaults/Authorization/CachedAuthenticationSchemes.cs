using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ReviewMechanism.ServiceDefaults.Authorization;

/// <summary>
/// ASP.NET Core's <see cref="AuthenticationSchemeProvider"/> keeping the two answers the authentication middleware
/// asks for on every request (the schemes that handle requests themselves, the default scheme to authenticate with)
/// as completed tasks, instead of a new task per request. Adding or removing a scheme forgets them; both happen under
/// the same lock as filling them, so an answer is never older than the schemes.
/// </summary>
internal sealed class CachedAuthenticationSchemes(IOptions<AuthenticationOptions> options) : AuthenticationSchemeProvider(options)
{
    private readonly Lock _gate = new();
    private Task<IEnumerable<AuthenticationScheme>>? _requestHandlers;
    private Task<AuthenticationScheme?>? _defaultAuthenticate;

    public override Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        if (Volatile.Read(ref _requestHandlers) is { } cached)
        {
            return cached;
        }
        lock (_gate)
        {
            return _requestHandlers ??= base.GetRequestHandlerSchemesAsync();
        }
    }

    public override Task<AuthenticationScheme?> GetDefaultAuthenticateSchemeAsync()
    {
        if (Volatile.Read(ref _defaultAuthenticate) is { } cached)
        {
            return cached;
        }
        lock (_gate)
        {
            return _defaultAuthenticate ??= base.GetDefaultAuthenticateSchemeAsync();
        }
    }

    public override bool TryAddScheme(AuthenticationScheme scheme)
    {
        lock (_gate)
        {
            var added = base.TryAddScheme(scheme);
            Forget();
            return added;
        }
    }

    public override void AddScheme(AuthenticationScheme scheme)
    {
        lock (_gate)
        {
            try
            {
                base.AddScheme(scheme);
            }
            finally
            {
                Forget();
            }
        }
    }

    public override void RemoveScheme(string name)
    {
        lock (_gate)
        {
            base.RemoveScheme(name);
            Forget();
        }
    }

    private void Forget()
    {
        _requestHandlers = null;
        _defaultAuthenticate = null;
    }
}

using System.Security.Cryptography;
using Gateway.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Unit;

public sealed class CachingTokenHandlerTests
{
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k" };

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "https://issuer.test/",
        ValidAudience = "review-mechanism",
        IssuerSigningKey = Key,
        ValidTypes = ["at+jwt"],
        ValidAlgorithms = ["RS256"],
    };

    private static string Token(DateTime expires, string issuer = "https://issuer.test/") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "review-mechanism",
        Claims = new Dictionary<string, object> { ["sub"] = "partner", ["scope"] = "reviews" },
        IssuedAt = expires.AddMinutes(-10),
        NotBefore = expires.AddMinutes(-10),
        Expires = expires,
        TokenType = "at+jwt",
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
    });

    private static (CachingTokenHandler Handler, CountingHandler Inner) Create(TimeSpan maxAge)
    {
        var inner = new CountingHandler();
        return (new CachingTokenHandler(inner, new MemoryCache(new MemoryCacheOptions { SizeLimit = 100 }), TimeProvider.System, maxAge), inner);
    }

    [Fact]
    public async Task ValidTokenIsVerifiedOnceAndEachCallGetsItsOwnIdentity()
    {
        var (handler, inner) = Create(TimeSpan.FromMinutes(1));
        var token = Token(DateTime.UtcNow.AddMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, inner.Calls);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("partner", second.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task RefusedTokensAreNeverRemembered()
    {
        var (handler, inner) = Create(TimeSpan.FromMinutes(1));
        var token = Token(DateTime.UtcNow.AddMinutes(10), issuer: "https://elsewhere.test/");

        Assert.False((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.False((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task RememberedForAtMostMaxAge()
    {
        var (handler, inner) = Create(TimeSpan.FromMilliseconds(300));
        var token = Token(DateTime.UtcNow.AddMinutes(10));

        await handler.ValidateTokenAsync(token, Parameters);
        await Task.Delay(600);
        await handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, inner.Calls);
    }

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _inner = new();

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _inner.ValidateTokenAsync(token, validationParameters);
        }
    }
}

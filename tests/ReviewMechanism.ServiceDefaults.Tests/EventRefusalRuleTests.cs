using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewMechanism.Messaging.Inbox;
using ReviewMechanism.ServiceDefaults.Errors;

namespace ReviewMechanism.ServiceDefaults.Tests;

/// <summary>The one rule every service's consumers follow for a failed event (docs/messaging.md).</summary>
public sealed class EventRefusalRuleTests
{
    [Fact]
    public void ADomainErrorIsARefusalAndGoesToTheErrorQueueWithoutRetries()
    {
        var rule = Rule();
        Assert.True(rule.IsRefusal(DomainException.Precondition("STAGE_ORDER", "country-review/AUT-C1", "A stage cannot be skipped.")));
        Assert.True(rule.IsRefusal(DomainException.NotFound("COUNTRY_REVIEW_NOT_FOUND", "country-review/X", "No country review X exists.")));
        Assert.True(rule.IsRefusal(DomainException.Invalid("email", "not an e-mail address")));
        Assert.True(rule.IsRefusal(new EventRefusedException("refused")));
    }

    [Fact]
    public void AConcurrencyConflictAndAnyOtherFailureAreRetried()
    {
        var rule = Rule();
        Assert.False(rule.IsRefusal(DomainException.Conflict("country-review/AUT-C1", "Changed by someone else.")));
        Assert.False(rule.IsRefusal(new InvalidOperationException("database restarting")));
        Assert.False(rule.IsRefusal(new TimeoutException()));
    }

    private static IEventRefusalRule Rule()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "Reviews.Api" });
        builder.Configuration["ConnectionStrings:messaging"] = "amqp://guest:guest@127.0.0.1:1/";
        builder.AddMessaging();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IEventRefusalRule>();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReviewMechanism.ServiceDefaults.Mail;

namespace Microsoft.Extensions.Hosting;

public static class MailExtensions
{
    /// <summary>
    /// <see cref="IMailSender"/>: SMTP (MailKit) to the server of <c>ConnectionStrings:{connectionName}</c>
    /// (<c>smtp://host:port</c>; the AppHost passes its local mail server's), sender from <c>Mail:From</c> and
    /// <c>Mail:FromName</c>. Without that connection string, mails are written as .eml files to
    /// <c>Mail:PickupDirectory</c> (which <paramref name="configure"/> may default); with neither, sending fails
    /// with a message that says what to set.
    /// </summary>
    public static IHostApplicationBuilder AddMailSender(this IHostApplicationBuilder builder, Action<MailOptions>? configure = null, string connectionName = "mail")
    {
        var options = builder.Services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section));
        if (configure is not null)
        {
            options.Configure(configure);
        }
        builder.Services.TryAddSingleton(TimeProvider.System);
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        builder.Services.AddSingleton<IMailSender>(services =>
        {
            var settings = services.GetRequiredService<IOptions<MailOptions>>();
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                return new SmtpMailSender(SmtpMailSender.ParseConnectionString(connectionString, connectionName), settings);
            }
            return !string.IsNullOrWhiteSpace(settings.Value.PickupDirectory)
                ? new PickupDirectoryMailSender(settings, services.GetRequiredService<TimeProvider>())
                : throw new InvalidOperationException(
                    $"No mail server: set ConnectionStrings__{connectionName} to smtp://host:port (the AppHost does), or Mail__PickupDirectory to a folder for .eml files.");
        });
        return builder;
    }
}

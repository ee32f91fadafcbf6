namespace ReviewMechanism.Messaging.Configuration;

/// <summary>The parts of an AMQP URI (<c>amqp://user:pass@host:port/vhost</c>).</summary>
public sealed record AmqpAddress(string Host, int Port, string VirtualHost, string UserName, string Password, bool UseTls)
{
    public static AmqpAddress Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("The messaging connection string is empty: set ConnectionStrings:messaging to an amqp:// URI.");
        }
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
        {
            throw new InvalidOperationException("The messaging connection string must be an AMQP URI such as amqp://user:password@127.0.0.1:5672/ (scheme amqp or amqps).");
        }
        var tls = uri.Scheme == "amqps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port;
        var user = "guest";
        var password = "guest";
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }
        var path = uri.AbsolutePath.TrimStart('/');
        var vhost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        return new AmqpAddress(uri.Host, port, vhost, user, password, tls);
    }

    /// <summary>The URI again, for RabbitMQ.Client's ConnectionFactory.</summary>
    public Uri ToUri()
    {
        var vhost = VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost);
        return new Uri($"{(UseTls ? "amqps" : "amqp")}://{Uri.EscapeDataString(UserName)}:{Uri.EscapeDataString(Password)}@{Host}:{Port}/{vhost}");
    }
}

using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>A RabbitMQ node (Debian's rabbitmq-server package), data in <c>{data folder}/{name}</c>.</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new RabbitMQServerResource(name) { Port = port });
}

using ReviewMechanism.Hosting.ApplicationModel;

namespace ReviewMechanism.Hosting;

public static class RedisBuilderExtensions
{
    /// <summary>A Redis server (Debian's redis-server package), append-only file in <c>{data folder}/{name}</c>.</summary>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null) =>
        builder.AddResource(new RedisResource(name) { Port = port });
}

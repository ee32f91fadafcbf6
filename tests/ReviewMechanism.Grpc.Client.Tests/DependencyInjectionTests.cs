using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewMechanism.Grpc.Client.Tests.Infrastructure;
using ReviewMechanism.Testing.V1;

namespace ReviewMechanism.Grpc.Client.Tests;

public sealed class DependencyInjectionTests
{
    private static Task<RawGrpcServer> StartEchoServerAsync(TaskCompletionSource<SeenRequest>? seen = null) =>
        RawGrpcServer.StartAsync(ClientTestService.GetMethod, async context =>
        {
            var frames = await Wire.ReadAllFramesAsync(context.Request);
            seen?.TrySetResult(SeenRequest.Capture(context, frames));
            await Wire.ReplyAsync(context, new TestReply { Text = "from " + context.Request.Host });
        });

    private static ServiceProvider Build(IDictionary<string, string?> configuration, Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).AddEnvironmentVariables().Build());
        register(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddressIsReadFromTheAspireServicesConfigurationKey()
    {
        await using var server = await StartEchoServerAsync();
        await using var provider = Build(new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() },
            services => services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews"));

        var client = provider.GetRequiredService<ClientTestService.ClientTestServiceClient>();
        var reply = await client.GetAsync(new TestRequest());

        Assert.Equal("from " + server.Address.Authority, reply.Text);
    }

    [Fact]
    public async Task AddressIsReadFromTheServicesEnvironmentVariable()
    {
        await using var server = await StartEchoServerAsync();
        var name = "rmclienttest" + Guid.NewGuid().ToString("N")[..8];
        Environment.SetEnvironmentVariable($"services__{name}__grpc__0", server.Address.ToString());
        try
        {
            await using var provider = Build(new Dictionary<string, string?>(),
                services => services.AddGrpcClient<ClientTestService.ClientTestServiceClient>(name));

            var client = provider.GetRequiredService<ClientTestService.ClientTestServiceClient>();

            Assert.Equal("from " + server.Address.Authority, (await client.GetAsync(new TestRequest())).Text);
        }
        finally
        {
            Environment.SetEnvironmentVariable($"services__{name}__grpc__0", null);
        }
    }

    [Fact]
    public void HttpEndpointIsTheFallbackWhenNoGrpcEndpointIsConfigured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:documents:http:0"] = "http://127.0.0.1:5001",
            ["services:documents:https:0"] = "https://127.0.0.1:5002",
            ["services:reporting:http:0"] = "http://127.0.0.1:5003",
        }).Build();

        Assert.Equal(new Uri("https://127.0.0.1:5002"), ServiceAddressResolver.Resolve(configuration, "documents"));
        Assert.Equal(new Uri("http://127.0.0.1:5003"), ServiceAddressResolver.Resolve(configuration, "reporting"));
        Assert.Equal(new Uri("http://127.0.0.1:5001"), ServiceAddressResolver.Resolve(configuration, "documents", "http"));
    }

    [Fact]
    public async Task MissingAddressNamesTheConfigurationKeyToSet()
    {
        await using var provider = Build(new Dictionary<string, string?>(),
            services => services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("nominations-missing"));

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ClientTestService.ClientTestServiceClient>());

        Assert.Contains("services__nominations-missing__grpc__0", ex.Message);
    }

    [Fact]
    public async Task ClientsOfOneAddressShareOneChannel()
    {
        await using var server = await StartEchoServerAsync();
        await using var provider = Build(new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() },
            services => services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews"));
        var pool = provider.GetRequiredService<GrpcChannelPool>();

        var first = provider.GetRequiredService<ClientTestService.ClientTestServiceClient>();
        var second = provider.GetRequiredService<ClientTestService.ClientTestServiceClient>();
        await first.GetAsync(new TestRequest());
        await second.GetAsync(new TestRequest());

        Assert.NotSame(first, second);
        Assert.Same(pool.GetChannel(server.Address), pool.GetChannel(new Uri(server.Address.ToString().TrimEnd('/'))));
    }

    [Fact]
    public async Task ChannelOptionsFromDependencyInjectionApplyToTheSharedChannel()
    {
        await using var server = await StartEchoServerAsync();
        await using var provider = Build(new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() }, services =>
        {
            services.Configure<GrpcChannelOptions>(options => options.MaxReceiveMessageSize = 4);
            services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews");
        });

        var client = provider.GetRequiredService<ClientTestService.ClientTestServiceClient>();
        var ex = await Assert.ThrowsAsync<RpcException>(async () => await client.GetAsync(new TestRequest()));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task BearerTokenOfTheIncomingRequestIsForwarded()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await StartEchoServerAsync(seen);
        await using var provider = Build(new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() },
            services => services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews").AddBearerTokenForwarding());
        var incoming = new DefaultHttpContext();
        incoming.Request.Headers.Authorization = "Bearer eyJ.focal-point.token";
        provider.GetRequiredService<IHttpContextAccessor>().HttpContext = incoming;

        var client = provider.GetRequiredService<ClientTestService.ClientTestServiceClient>();
        await client.GetAsync(new TestRequest());

        Assert.Equal("Bearer eyJ.focal-point.token", (await seen.Task).Header("authorization"));
    }

    [Fact]
    public async Task InterceptorsFromDependencyInjectionRunOnEveryCall()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await StartEchoServerAsync(seen);
        await using var provider = Build(new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() }, services =>
        {
            services.AddSingleton(new HeaderInterceptor("x-correlation-id", "c-123"));
            services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews").AddInterceptor<HeaderInterceptor>();
        });

        await provider.GetRequiredService<ClientTestService.ClientTestServiceClient>().GetAsync(new TestRequest());

        Assert.Equal("c-123", (await seen.Task).Header("x-correlation-id"));
    }

    [Fact]
    public async Task CallCredentialsAreRefusedOverCleartextUnlessAllowed()
    {
        var seen = new TaskCompletionSource<SeenRequest>();
        await using var server = await StartEchoServerAsync(seen);
        var configuration = new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() };
        static Task AddToken(AuthInterceptorContext context, Metadata metadata, IServiceProvider services)
        {
            metadata.Add("authorization", "Bearer service-token-for-" + context.MethodName);
            return Task.CompletedTask;
        }

        await using (var refusing = Build(configuration, services => services.AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews").AddCallCredentials(AddToken)))
        {
            var ex = await Assert.ThrowsAsync<RpcException>(async () =>
                await refusing.GetRequiredService<ClientTestService.ClientTestServiceClient>().GetAsync(new TestRequest()));
            Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
            Assert.False(seen.Task.IsCompleted);
        }

        await using var allowing = Build(configuration, services => services
            .AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews", options => options.UnsafeUseInsecureChannelCallCredentials = true)
            .AddCallCredentials(AddToken));
        await allowing.GetRequiredService<ClientTestService.ClientTestServiceClient>().GetAsync(new TestRequest());

        Assert.Equal("Bearer service-token-for-Get", (await seen.Task).Header("authorization"));
    }

    [Fact]
    public async Task FailingCallCredentialsFailTheCallWithUnauthenticated()
    {
        await using var server = await StartEchoServerAsync();
        await using var provider = Build(new Dictionary<string, string?> { ["services:reviews:grpc:0"] = server.Address.ToString() }, services => services
            .AddGrpcClient<ClientTestService.ClientTestServiceClient>("reviews", options => options.UnsafeUseInsecureChannelCallCredentials = true)
            .AddCallCredentials((_, _, _) => throw new InvalidOperationException("token endpoint down")));

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
            await provider.GetRequiredService<ClientTestService.ClientTestServiceClient>().GetAsync(new TestRequest()));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("token endpoint down", ex.Status.Detail);
    }
}

using BenchServer;

return args.FirstOrDefault() switch
{
    "backend" => await Backend.RunAsync(args[1..]),
    "issuer" => await Issuer.RunAsync(args[1..]),
    "request" => RequestFile.Write(args[1..]),
    "revocation-cost" => RevocationCost.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        BenchServer backend --mode grpc|raw [--port 0] [--response-size 100]
        BenchServer issuer --issuer URL --token-file PATH [--port 0]
        BenchServer request --out PATH [--request-size 100] [--response-size 100] [--get-party ISO3]
        BenchServer revocation-cost [--revoked 10000] [--disabled 1000] [--calls 5000000] [--claims DIR]
        """);
    return 2;
}

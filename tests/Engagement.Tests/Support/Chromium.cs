using OpenQA.Selenium.Chrome;

namespace Engagement.Tests.Support;

/// <summary>Debian's Chromium, headless, driven by chromedriver (apt: chromium, chromium-driver).</summary>
public static class Chromium
{
    public static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage");
        var driverService = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        driverService.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(driverService, options, TimeSpan.FromSeconds(120));
    }
}

using OpenQA.Selenium.Chrome;

namespace Reporting.Tests.Support;

/// <summary>Debian's Chromium (apt: chromium, chromium-driver, installed by eng/install-test-deps.sh), headless, through chromedriver.</summary>
public static class HeadlessChromium
{
    public static ChromeDriver Start()
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(180));
    }
}

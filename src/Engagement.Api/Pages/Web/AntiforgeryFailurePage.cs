using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Engagement.Api.Pages.Web;

/// <summary>A form whose antiforgery token is missing or forged gets a page that says so (400), not a blank error.</summary>
public sealed class AntiforgeryFailurePage : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            context.Result = new ViewResult
            {
                ViewName = "FormRefused",
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(new Microsoft.AspNetCore.Mvc.ModelBinding.EmptyModelMetadataProvider(), context.ModelState),
            };
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}

namespace Reviews.Api.Domain.Parties;

/// <summary>The Convention and its three Protocols.</summary>
public enum Instrument
{
    /// <summary>The United Nations Convention against Transnational Organized Crime.</summary>
    Untoc = 0,

    /// <summary>The Trafficking in Persons Protocol.</summary>
    Tip = 1,

    /// <summary>The Smuggling of Migrants Protocol.</summary>
    Som = 2,

    /// <summary>The Firearms Protocol.</summary>
    Fir = 3,
}

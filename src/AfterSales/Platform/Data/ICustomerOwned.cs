namespace AfterSales.Platform.Data;

/// <summary>A row that belongs to one customer organisation; customer users see only their own.</summary>
public interface ICustomerOwned
{
    long CustomerId { get; }
}

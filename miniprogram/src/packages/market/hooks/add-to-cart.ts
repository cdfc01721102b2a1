import { getCarts, putCart, type CartView } from '../../../services/api-market';

/**
 * Adds `quantity` of a listing to the seller's cart. The API replaces a seller's cart whole, so the
 * lines already in it are read first and sent back with this one added: two phones adding at the same
 * moment may lose one add (the cart is a convenience; the order is what takes stock).
 */
export async function addToCart(sellerId: string, listingId: string, quantity: number): Promise<CartView> {
  const { items } = await getCarts();
  const lines = (items.find((cart) => cart.sellerId === sellerId)?.items ?? []).map((line) => ({
    listingId: line.listingId,
    quantity: line.quantity,
  }));
  const existing = lines.find((line) => line.listingId === listingId);
  if (existing) existing.quantity += quantity;
  else lines.push({ listingId, quantity });
  return putCart(sellerId, lines);
}

// `/backoffice/orders` without an order id: no such page (orders are found from the search at
// /backoffice), so the back office's 404. Without this file the router matched the orders folder
// with nothing in it and answered an empty frame with 200.
export { default, routeMeta } from '../[...not-found].page';

// Images: product photos fetched from known shops only, resized to a few widths, cached in Redis,
// served by the image route (src/server/routes/images); and the URLs pages link them with.
export * from './image-request.schema';
export * from './image-request';
export * from './image.store';
export * from './image.service';

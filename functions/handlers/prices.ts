import { createIdempotencyStore } from '../data/idempotency-store';
import { dynamoPriceCatalogueRepository, dynamoPriceReportRepository } from '../data/prices-repository';
import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { createMarket, createProduct, listMarkets, listProducts, updateMarket, updateProduct } from '../domain/prices/catalogue';
import { markReport } from '../domain/prices/mark-report';
import { marketReports, priceOverview, priceSeries } from '../domain/prices/price-read';
import { reportPrice } from '../domain/prices/report-price';
import { createHttpHandler } from '../http/pipeline';

const catalogue = dynamoPriceCatalogueRepository;
const reports = dynamoPriceReportRepository;
const catalogueDeps = { catalogue, regions: dynamoRegionRepository };
const idempotency = createIdempotencyStore();

export const handler = createHttpHandler('prices', {
  listPriceProducts: () => listProducts(catalogueDeps),
  createPriceProduct: ({ caller, body }) => createProduct(catalogueDeps, caller, body),
  updatePriceProduct: ({ caller, params, body }) => updateProduct(catalogueDeps, caller, params.productId, body),
  listPriceMarkets: ({ query }) => listMarkets(catalogueDeps, query),
  createPriceMarket: ({ caller, body }) => createMarket(catalogueDeps, caller, body),
  updatePriceMarket: ({ caller, params, body }) => updateMarket(catalogueDeps, caller, params.marketId, body),
  reportPrice: ({ caller, body, idempotencyKey }) =>
    reportPrice({ catalogue, reports, stations: dynamoStationRepository, idempotency }, caller, idempotencyKey, body),
  marketPrices: ({ query }) => priceOverview({ catalogue, reports }, query),
  priceSeries: ({ params, query }) => priceSeries({ catalogue, reports }, params.productId, params.marketId, query),
  marketPriceReports: ({ caller, params, query }) => marketReports({ catalogue, reports }, caller, params.marketId, query),
  markPriceReport: ({ caller, params, body }) => markReport({ reports }, caller, params.reportId, body),
});

import StyleGAN
